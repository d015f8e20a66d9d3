// The top bar's bell: the unread count, and a panel of the user's notifications, newest first,
// with "Mark all as read"; an invitation notice opens the invitation prompt. Its state lives in
// useNotificationsBell.
import * as Popover from '@radix-ui/react-popover';
import type { NotificationView } from '../../src-shared/domain/me.ts';
import { Button } from '../components/Button.tsx';
import { formatAge, formatDateTime } from '../format/time.ts';
import { useNotificationsBell } from './useNotificationsBell.ts';
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
  const b = useNotificationsBell();
  const { items, unread, status } = b;
  return (
    // modal={false}: the modal variant locks scrolling with an injected <style>, which the CSP blocks.
    <Popover.Root open={b.open} onOpenChange={b.setOpen} modal={false}>
      <Popover.Trigger className="bell-trigger" aria-label={b.label}>
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
              onClick={() => void b.markAll()}
            >
              Mark all as read
            </Button>
          </header>
          {b.note && (
            <p className="notif-error" role="alert">
              {b.note}
            </p>
          )}
          {status === 'error' && (
            <p className="notif-error" role="alert">
              {b.error}
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
                <NotificationItem
                  key={n.id}
                  n={n}
                  now={b.now}
                  canRespond={b.canRespond(n)}
                  onFollow={b.follow}
                />
              ))}
            </ul>
          )}
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}

interface ItemProps {
  n: NotificationView;
  now: number;
  canRespond: boolean;
  onFollow: (n: NotificationView) => void;
}

/** One notice: its text, age and what following it does. */
function NotificationItem({ n, now, canRespond, onFollow }: ItemProps) {
  return (
    <li className={`notif-item${n.read ? '' : ' notif-unread'}`} data-kind={n.kind}>
      <button type="button" className="notif-button" onClick={() => onFollow(n)}>
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
            {canRespond && <span className="notif-action">Respond to invite</span>}
            {n.action?.kind === 'organization' && (
              <span className="notif-action">See invitations</span>
            )}
            {n.pending && <span className="pending-badge">Pending</span>}
          </span>
        </span>
      </button>
    </li>
  );
}
