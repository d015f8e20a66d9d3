// Organization (administrators): dashboard tiles, the user list with its action bar, pending
// invitations, and the dialogs of each admin flow. Every change goes through the outbox.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { OrgUserRow } from '../../../src-shared/domain/org.ts';
import { Banner } from '../../components/Banner.tsx';
import { Button } from '../../components/Button.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Tabs } from '../../components/Tabs.tsx';
import { useRoute } from '../../app/route.ts';
import { useOrg, followOrgChanges } from './orgStore.ts';
import { useSession } from '../../stores/session.ts';
import '../../styles/organization.css';
import { ActionBar } from './ActionBar.tsx';
import { ActivityPanel } from './activity/ActivityPanel.tsx';
import type { UserActions } from './actions.ts';
import { DashboardTiles } from './DashboardTiles.tsx';
import { InvitationsPanel } from './InvitationsPanel.tsx';
import { OrgDialogs, type Open } from './OrgDialogs.tsx';
import { UserDirectory } from './UserDirectory.tsx';

const TABS = [
  { id: 'users', label: 'Users' },
  { id: 'activity', label: 'Activity' },
];

export function OrganizationView() {
  const org = useSession((s) => s.session?.account?.organization ?? null);
  const tab = useRoute().tab === 'activity' ? 'activity' : 'users';
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
      revoke: (user, productCode) => setOpen({ kind: 'revoke', user, productCode }),
    }),
    [],
  );
  // From a tile: Manual lists everyone unchecked; a .csv file lists the users it names, checked.
  const fromSource = (then: 'remove' | 'assign' | 'revoke', users: OrgUserRow[], csv: boolean) =>
    setOpen(
      then === 'remove'
        ? { kind: 'remove', users, startChecked: csv }
        : { kind: 'bulk', what: then, users, startChecked: csv },
    );

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
      <Tabs menu="organization" tabs={TABS} active={tab} />
      {tab === 'activity' ? (
        <ActivityPanel />
      ) : status === 'error' ? (
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
            onRemoveUsers={() => setOpen({ kind: 'source', then: 'remove' })}
            onAssign={() => setOpen({ kind: 'source', then: 'assign' })}
            onRevoke={() => setOpen({ kind: 'source', then: 'revoke' })}
            onCredits={() => setOpen({ kind: 'credits' })}
          />
          <UserDirectory actions={actions} />
          {/* Before the invitations: sticky to the bottom while the user list runs below the
              window, it comes to rest above Pending invitations instead of covering them. */}
          <ActionBar
            onRemove={(users) => setOpen({ kind: 'remove', users, startChecked: true })}
            onBulk={(what, users) => setOpen({ kind: 'bulk', what, users, startChecked: true })}
          />
          <InvitationsPanel />
        </>
      )}
      <OrgDialogs open={open} close={close} onSource={fromSource} />
    </div>
  );
}
