// The bell's state as NotificationsBell shows it: the user's notifications and unread count, the
// panel open or not, marking read, and following a notice (an invitation opens the invitation
// prompt, an organization notice the organization view).
import { useState } from 'react';
import type { NotificationView } from '../../src-shared/domain/me.ts';
import { useMe } from '../stores/me.ts';
import { useNotifications } from '../stores/notifications.ts';
import { href } from './route.ts';
import { useNow } from './useNow.ts';

export function useNotificationsBell() {
  const { items, unread, status, error } = useNotifications();
  const invitations = useMe((s) => s.invitations);
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const now = useNow(60_000);

  async function markAll() {
    setNote(await useNotifications.getState().markRead());
  }

  function follow(n: NotificationView) {
    if (!n.read) void useNotifications.getState().markRead([n.id]);
    if (n.action?.kind === 'invitation') useMe.getState().openInvitation(n.action.invitationId);
    else if (n.action?.kind === 'organization') window.location.hash = href('organization');
    if (n.action) setOpen(false);
  }

  // "Respond to invite": an invitation notice whose invitation (any, if it names none) has no
  // answer on its way.
  const canRespond = (n: NotificationView) =>
    n.action?.kind === 'invitation' &&
    invitations.some(
      (i) =>
        !i.pending &&
        (n.action?.kind !== 'invitation' ||
          n.action.invitationId === null ||
          n.action.invitationId === i.id),
    );

  return {
    items,
    unread,
    status,
    error,
    open,
    setOpen,
    note,
    now,
    markAll,
    follow,
    canRespond,
    label: unread ? `Notifications, ${unread} unread` : 'Notifications, none unread',
  };
}
