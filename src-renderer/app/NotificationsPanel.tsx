// The top bar's bell: the unread count, and a panel of the user's notifications, newest first,
// with "Mark all as read"; an invitation notice opens the invitation prompt.
import * as Popover from '@radix-ui/react-popover';
import { useState } from 'react';
import type { NotificationView } from '../../src-shared/domain/me.ts';
import { Button } from '../components/Button.tsx';
import { formatAge, formatDateTime } from '../format/time.ts';
import { useMe } from '../stores/me.ts';
import { useNotifications } from '../stores/notifications.ts';
import { href } from './route.ts';
import { useNow } from './useNow.ts';
import '../styles/me.css';

function BellIcon() {
  return (
    <svg
      width="20"
      height="20"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}

export function NotificationsBell() {
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

  const label = unread ? `Notifications, ${unread} unread` : 'Notifications, none unread';
  return (
    // modal={false}: the modal variant locks scrolling with an injected <style>, which the CSP blocks.
    <Popover.Root open={open} onOpenChange={setOpen} modal={false}>
      <Popover.Trigger className="bell-trigger" aria-label={label}>
        <BellIcon />
        {unread > 0 && (
          <span className="bell-count" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          className="notif-panel"
          align="end"
          sideOffset={8}
          aria-label="Notifications"
          role="dialog"
        >
          <header className="notif-head">
            <h2>Notifications</h2>
            <Button
              size="sm"
              variant="quiet"
              disabled={unread === 0}
              onClick={() => void markAll()}
            >
              Mark all as read
            </Button>
          </header>
          {note && (
            <p className="notif-error" role="alert">
              {note}
            </p>
          )}
          {status === 'error' && (
            <p className="notif-error" role="alert">
              {error}
            </p>
          )}
          {status === 'ready' && items.length === 0 ? (
            <div className="notif-empty">
              <BellIcon />
              <p>No notifications yet</p>
              <span>
                Invitations, products assigned to you and changes to your cloud credits appear here.
              </span>
            </div>
          ) : (
            <ul className="notif-list" aria-label="Your notifications">
              {items.map((n) => (
                <li
                  key={n.id}
                  className={`notif-item${n.read ? '' : ' notif-unread'}`}
                  data-kind={n.kind}
                >
                  <button type="button" className="notif-button" onClick={() => follow(n)}>
                    <span className="notif-dot" aria-hidden="true" />
                    <span className="notif-body">
                      <span className="notif-text">
                        {!n.read && <span className="visually-hidden">Unread: </span>}
                        {n.text}
                      </span>
                      <span className="notif-meta">
                        <time dateTime={n.createdAt} title={formatDateTime(n.createdAt)}>
                          {formatAge(n.createdAt, now)}
                        </time>
                        {n.action?.kind === 'invitation' &&
                          invitations.some(
                            (i) =>
                              !i.pending &&
                              (n.action?.kind !== 'invitation' ||
                                n.action.invitationId === null ||
                                n.action.invitationId === i.id),
                          ) && <span className="notif-action">Respond to invite</span>}
                        {n.action?.kind === 'organization' && (
                          <span className="notif-action">See invitations</span>
                        )}
                        {n.pending && <span className="pending-badge">Pending</span>}
                      </span>
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
