// Native notifications for the account's new invitations, assignments and borrow reminders: main
// reads the core's notification list when the replica's notifications change, shows what
// notices.ts decides, and a click opens the window at the notice's place.
import { Notification } from 'electron';
import type { Clock } from '../../src-shared/clock.ts';
import type { NotificationsList } from '../../src-shared/domain/me.ts';
import type { SessionState } from '../../src-shared/domain/session.ts';
import type { CoreHost } from './core-host.ts';
import { decideNotices, mayBringNotices, type DesktopNotice } from './notices.ts';

export function followNotices(
  core: Pick<CoreHost, 'call' | 'onEvent'>,
  clock: Clock,
  open: (route: string) => void,
): void {
  if (!Notification.isSupported()) return;
  let account: string | null = null;
  let seen: Set<string> | null = null;
  // Shown notifications are kept referenced until closed, or their click would be lost.
  const live = new Set<Notification>();
  let queue = Promise.resolve();

  const show = (notice: DesktopNotice) => {
    const n = new Notification({ title: notice.title, body: notice.body });
    live.add(n);
    n.on('click', () => {
      live.delete(n);
      open(notice.route);
    });
    n.on('close', () => live.delete(n));
    n.show();
  };
  // One list at a time, so a notice is never decided twice.
  const refresh = () => {
    queue = queue.then(async () => {
      const asked = account;
      const env = await core.call('notifications.list', {});
      if (asked !== account) return;
      if (!env.ok) {
        seen = null;
        return;
      }
      const decision = decideNotices(seen, (env.value as NotificationsList).items, clock());
      seen = decision.seen;
      for (const notice of decision.show) show(notice);
    });
  };

  core.onEvent((name, payload) => {
    if (name === 'session.changed') {
      const id = (payload as SessionState).account?.id ?? null;
      if (id === account) return;
      // Another account (or none): what it already has is remembered, not shown.
      account = id;
      seen = null;
      if (id) refresh();
    } else if (name === 'data.changed' && account && mayBringNotices(payload)) refresh();
  });
}
