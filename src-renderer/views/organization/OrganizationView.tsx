// Organization (administrators): dashboard tiles, the user list with its action bar, pending
// invitations, and the dialogs of each admin flow. Every change goes through the outbox.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { OrgUserRow } from '../../../src-shared/domain/org.ts';
import { Banner } from '../../components/Banner.tsx';
import { Button } from '../../components/Button.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useOrg, followOrgChanges } from '../../stores/org.ts';
import { useSession } from '../../stores/session.ts';
import '../../styles/organization.css';
import { ActionBar } from './ActionBar.tsx';
import type { UserActions } from './actions.ts';
import { AllocateDialog } from './AllocateDialog.tsx';
import { CreditPopover } from './CreditPopover.tsx';
import { CreditsDialog, NotBuiltDialog } from './InfoDialogs.tsx';
import { DashboardTiles } from './DashboardTiles.tsx';
import { InvitationsPanel } from './InvitationsPanel.tsx';
import { InviteDialog } from './InviteDialog.tsx';
import { RemoveDialog } from './RemoveDialog.tsx';
import { UserDirectory } from './UserDirectory.tsx';

type Open =
  | null
  | { kind: 'invite' }
  | { kind: 'remove'; users: OrgUserRow[]; startChecked: boolean }
  | { kind: 'allocate'; user: OrgUserRow }
  | { kind: 'credit'; user: OrgUserRow; anchor: HTMLElement }
  | { kind: 'credits' }
  | { kind: 'notBuilt'; what: string };

export function OrganizationView() {
  const org = useSession((s) => s.session?.account?.organization ?? null);
  const status = useOrg((s) => s.status);
  const error = useOrg((s) => s.error);
  const [open, setOpen] = useState<Open>(null);
  const close = useCallback(() => setOpen(null), []);

  useEffect(() => {
    void useOrg.getState().load();
    return followOrgChanges();
  }, []);

  const actions = useMemo<UserActions>(
    () => ({
      allocate: (user) => setOpen({ kind: 'allocate', user }),
      remove: (users) => setOpen({ kind: 'remove', users, startChecked: true }),
      editCredit: (user, anchor) => setOpen({ kind: 'credit', user, anchor }),
    }),
    [],
  );
  const notBuilt = (what: string) => setOpen({ kind: 'notBuilt', what });

  return (
    <div className="org-view">
      <PageHeader
        title="Organization"
        description={
          org
            ? `${org.name}: invite users, allocate or revoke licenses and set cloud credit access.`
            : 'Invite users, allocate or revoke licenses and set cloud credit access.'
        }
        actions={
          <Button variant="primary" onClick={() => setOpen({ kind: 'invite' })}>
            Invite users
          </Button>
        }
      />
      {status === 'error' ? (
        <Banner
          tone="error"
          title="The organization could not be loaded"
          action={
            <Button size="sm" onClick={() => void useOrg.getState().load()}>
              Try again
            </Button>
          }
        >
          {error}
        </Banner>
      ) : status !== 'ready' ? (
        <p className="org-loading" role="status">
          Loading the organization…
        </p>
      ) : (
        <>
          <DashboardTiles
            onInvite={() => setOpen({ kind: 'invite' })}
            onRemoveUsers={() =>
              setOpen({ kind: 'remove', users: useOrg.getState().users, startChecked: false })
            }
            onAssign={() => notBuilt('Bulk product assignment')}
            onRevoke={() => notBuilt('Bulk product revoke')}
            onCredits={() => setOpen({ kind: 'credits' })}
          />
          <UserDirectory actions={actions} />
          <InvitationsPanel />
          <ActionBar
            onRemove={(users) => setOpen({ kind: 'remove', users, startChecked: true })}
            onBulk={(what) =>
              notBuilt(
                what === 'assign'
                  ? 'Bulk product assignment'
                  : what === 'revoke'
                    ? 'Bulk product revoke'
                    : 'Bulk cloud credit access',
              )
            }
          />
        </>
      )}
      {open?.kind === 'invite' && <InviteDialog onClose={close} />}
      {open?.kind === 'remove' && (
        <RemoveDialog users={open.users} startChecked={open.startChecked} onClose={close} />
      )}
      {open?.kind === 'allocate' && <AllocateDialog user={open.user} onClose={close} />}
      {open?.kind === 'credit' && (
        <CreditPopover user={open.user} anchor={open.anchor} onClose={close} />
      )}
      {open?.kind === 'credits' && <CreditsDialog onClose={close} />}
      {open?.kind === 'notBuilt' && <NotBuiltDialog what={open.what} onClose={close} />}
    </div>
  );
}
