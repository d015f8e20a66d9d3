// Which of the account's notifications become a native desktop notification, and where a click
// on one leads (docs/requirements.md §12 "Desktop comforts": invitations, assignments, borrow reminders). Pure
// functions of the core's notification list, unit-tested in test/electron/notices.test.ts;
// desktop-notices.ts shows what they decide.
import type { NotificationView } from '../../src-shared/domain/me.ts';
import { deepLinkRoute } from './decisions.ts';

export interface DesktopNotice {
  /** The notification's id in the core (each is shown once). */
  id: string;
  title: string;
  /** The notification's own text, as the bell's panel shows it. */
  body: string;
  /** The renderer's hash route a click opens (src-renderer/app/route.ts). */
  route: string;
}

/** A burst (a bulk assignment) shows the newest few; the rest wait in the bell. */
export const MAX_AT_ONCE = 3;
/** Older unread notices (synced after a long time offline) stay in the bell only. */
export const RECENT_MS = 24 * 60 * 60 * 1000;

/** The route that opens the invitation prompt: one invitation, or the first pending one. */
export const INVITATION_ROUTE = '#/products/invitation';

/** The title and route of a notice that notifies on the desktop; null for every other kind. */
export function desktopNotice(n: NotificationView): DesktopNotice | null {
  const base = { id: n.id, body: n.text };
  // Invitations are recognized by their action (the cloud's clm://invite link or an older kind).
  if (n.action?.kind === 'invitation' && n.kind !== 'invitation_cancelled') {
    const id = n.action.invitationId;
    const route = id ? deepLinkRoute({ kind: 'invitation', id }) : INVITATION_ROUTE;
    return { ...base, title: 'Invitation', route };
  }
  if (n.kind === 'product_assigned')
    return { ...base, title: 'License assigned', route: '#/products' };
  // The reminder the borrowing room sends before a borrow expires (docs/requirements.md §7).
  if (n.kind === 'borrow_expiring')
    return { ...base, title: 'Borrowed license expiring', route: '#/licensing' };
  return null;
}

export interface NoticeDecision {
  show: DesktopNotice[];
  /** Every id seen so far, the `seen` of the next call. */
  seen: Set<string>;
}

/**
 * `seen` is null for the first list of an account in this run: what is already there is only
 * remembered (it is in the bell), never shown. Afterwards a notice is shown once when it is new,
 * unread, recent on `now` (the shell's one clock) and of a kind that notifies.
 */
export function decideNotices(
  seen: ReadonlySet<string> | null,
  items: readonly NotificationView[],
  now: number,
): NoticeDecision {
  const all = new Set(seen ?? []);
  for (const n of items) all.add(n.id);
  if (!seen) return { show: [], seen: all };
  const show: DesktopNotice[] = [];
  for (const n of items) {
    if (seen.has(n.id) || n.read || n.pending) continue;
    const at = Date.parse(n.createdAt);
    if (!Number.isFinite(at) || now - at > RECENT_MS) continue;
    const notice = desktopNotice(n);
    if (notice) show.push(notice);
  }
  return { show: show.slice(0, MAX_AT_ONCE), seen: all };
}

/** A `data.changed` event that may bring notifications (the replica's feed table). */
export function mayBringNotices(payload: unknown): boolean {
  const tables = (payload as { tables?: unknown } | null)?.tables;
  return Array.isArray(tables) && tables.includes('org.notifications');
}
