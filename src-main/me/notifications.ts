// The user's notifications from the replica's feed (read marks made here shown at once), and
// marking them read through the outbox.
import type { NotificationRow } from '../../src-shared/cloud-api/sync.ts';
import type {
  MarkReadResult,
  NotificationAction,
  NotificationView,
  NotificationsList,
} from '../../src-shared/domain/me.ts';
import { AppError } from '../../src-shared/errors.ts';
import { MAX_BATCH, NOTIFICATION_NOT_FOUND } from '../../src-shared/org/mutations.ts';
import { INVITATIONS_STATUS_LINK } from '../../src-shared/org/notices.ts';
import type { Core } from '../core/core.ts';
import type { Effect } from '../store/org-store.ts';
import { withoutPending, type Pending } from './rows.ts';

const INVITE_LINK = /^clm:\/\/invite\/([^/?#]+)$/;
/** Invitation notices without a link (older ones, the demo seed's) still open the prompt. */
const INVITATION_KINDS = /^invitation[._](received|sent)$/;

function actionOf(n: NotificationRow): NotificationAction {
  const invite = n.link ? INVITE_LINK.exec(n.link) : null;
  if (invite?.[1]) return { kind: 'invitation', invitationId: decodeURIComponent(invite[1]) };
  if (n.link === INVITATIONS_STATUS_LINK) return { kind: 'organization' };
  if (INVITATION_KINDS.test(n.kind)) return { kind: 'invitation', invitationId: null };
  return null;
}

function rows(core: Core): Map<string, Pending<NotificationRow>> {
  return core.sync.state.rows<NotificationRow>('notifications');
}

export function listNotifications(core: Core, limit?: number): NotificationsList {
  core.account();
  const items = [...rows(core).values()]
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id))
    .map((n): NotificationView => ({
      id: n.id,
      kind: n.kind,
      text: n.text,
      createdAt: n.createdAt,
      read: n.readAt !== null,
      pending: n.pending === true,
      action: actionOf(n),
    }))
    // Borrow reminders are made on this machine (src-main/borrow/reminders.ts).
    .concat(core.borrowReminders.views())
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
  const unread = items.filter((n) => !n.read).length;
  return { items: limit === undefined ? items : items.slice(0, limit), unread };
}

/**
 * Marks the named notifications (or every unread one) read at once and queues the change. The
 * ids sent are the ones shown: a notice that arrives meanwhile stays unread.
 */
export function markNotificationsRead(core: Core, ids?: string[]): MarkReadResult {
  core.account();
  const local = core.borrowReminders.markRead(ids?.filter((id) => core.borrowReminders.has(id)));
  ids = ids?.filter((id) => !core.borrowReminders.has(id));
  if (ids && !ids.length) return { mutationId: null, marked: local };
  const all = rows(core);
  let targets: Pending<NotificationRow>[];
  if (ids) {
    const unknown = ids.find((id) => !all.has(id));
    if (unknown !== undefined) throw new AppError('notification_not_found', NOTIFICATION_NOT_FOUND);
    targets = [...new Set(ids)].map((id) => all.get(id) as Pending<NotificationRow>);
  } else targets = [...all.values()];
  targets = targets.filter((n) => n.readAt === null);
  if (!targets.length) return { mutationId: null, marked: local };
  const now = core.now();
  const effects: Effect[] = targets.map((n) => ({
    tbl: 'notifications',
    key: n.id,
    data: { ...withoutPending(n), readAt: now },
  }));
  const args = ids || targets.length <= MAX_BATCH ? { ids: targets.map((n) => n.id) } : {};
  const what =
    targets.length === 1
      ? 'Mark a notification as read'
      : `Mark ${targets.length} notifications as read`;
  const mutationId = core.sync.store.enqueue('markNotificationsRead', args, what, effects, now);
  core.sync.state.invalidate([]);
  core.sync.kick(effects);
  return { mutationId, marked: targets.length + local };
}
