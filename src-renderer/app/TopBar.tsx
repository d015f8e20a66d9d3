// The bar above every view: where the account belongs, the notifications bell, the account menu
// with Sign out; and the invitation prompt, which any pending invitation brings up.
import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { useEffect, useState } from 'react';
import { Icon } from '../components/Icon.tsx';
import { followMe, useMe } from '../stores/me.ts';
import { followNotifications, useNotifications } from '../stores/notifications.ts';
import { useSession } from '../stores/session.ts';
import { roleLabel } from '../format/account.ts';
import { InvitationPrompt } from './InvitationPrompt.tsx';
import { NotificationsBell } from './NotificationsPanel.tsx';
import { ResetDemoDialog } from './ResetDemoDialog.tsx';
import { href } from './route.ts';

function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  return (
    (parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts.at(-1)?.[0] ?? '') : '')
  ).toUpperCase();
}

export function TopBar() {
  const account = useSession((s) => s.session?.account ?? null);
  const pending = useSession((s) => s.session?.sync.pending ?? 0);
  const signingOut = useSession((s) => s.signingOut);
  const demo = useSession((s) => s.session?.demo ?? false);
  const [resetting, setResetting] = useState(false);
  const org = account?.organization ?? null;
  const accountId = account?.id ?? null;

  // Another account's notices and invitations must never show: reload per account.
  useEffect(() => {
    if (!accountId) return;
    const offs = [followMe(), followNotifications()];
    return () => {
      offs.forEach((off) => off());
      useMe.getState().clear();
      useNotifications.getState().clear();
    };
  }, [accountId]);

  return (
    <header className="topbar">
      <div className="topbar-context">
        {org ? (
          <>
            <span className="topbar-org">{org.name}</span>
            <span className="role-badge">{roleLabel[org.role]}</span>
          </>
        ) : (
          <span className="topbar-org topbar-muted">Personal account</span>
        )}
      </div>
      <div className="topbar-actions">
        {account && <NotificationsBell />}
        {account && (
          // modal={false}: the modal variant locks scrolling with an injected <style>, which the CSP blocks.
          <DropdownMenu.Root modal={false}>
            {/* Named by its visible text (axe: label-content-name-mismatch), then what it opens. */}
            <DropdownMenu.Trigger className="account-trigger">
              <span className="avatar" aria-hidden="true">
                {initials(account.name)}
              </span>
              <span className="account-trigger-name">{account.name}</span>
              <span className="visually-hidden">, Account menu</span>
              <Icon name="chevronDown" size={16} />
            </DropdownMenu.Trigger>
            <DropdownMenu.Portal>
              <DropdownMenu.Content className="menu" align="end" sideOffset={6}>
                <div className="menu-header">
                  <strong>{account.name}</strong>
                  <span>{account.email}</span>
                </div>
                <DropdownMenu.Separator className="menu-separator" />
                <DropdownMenu.Item
                  className="menu-item"
                  onSelect={() => {
                    window.location.hash = href('account');
                  }}
                >
                  <Icon name="user" size={16} /> Account
                </DropdownMenu.Item>
                <DropdownMenu.Item
                  className="menu-item"
                  disabled={signingOut}
                  onSelect={() => void useSession.getState().signOut()}
                >
                  <Icon name="signOut" size={16} /> Sign out
                </DropdownMenu.Item>
                {demo && (
                  <DropdownMenu.Item className="menu-item" onSelect={() => setResetting(true)}>
                    <Icon name="refresh" size={16} /> Reset demo…
                  </DropdownMenu.Item>
                )}
                {pending > 0 && (
                  <p className="menu-note">
                    {pending} unsent {pending === 1 ? 'change is' : 'changes are'} lost on sign-out.
                  </p>
                )}
              </DropdownMenu.Content>
            </DropdownMenu.Portal>
          </DropdownMenu.Root>
        )}
      </div>
      {account && <InvitationPrompt />}
      {resetting && <ResetDemoDialog onClose={() => setResetting(false)} />}
    </header>
  );
}
