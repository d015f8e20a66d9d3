// The Licenses tab: loading, error and empty states, then the licenses grouped by where they come from.
import { useState } from 'react';
import type { LicenseView } from '../../../src-shared/domain/license.ts';
import { Banner } from '../../components/Banner.tsx';
import { Button } from '../../components/Button.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { useLicenses } from '../../stores/licenses.ts';
import { useSession } from '../../stores/session.ts';
import { LicenseTable } from './LicenseTable.tsx';
import { BorrowPanel } from './borrow/BorrowPanel.tsx';
import { SourceFilter, type SourceChoice } from './SourceFilter.tsx';

function byProduct(a: LicenseView, b: LicenseView): number {
  return (
    a.productName.localeCompare(b.productName) ||
    (a.expiresAt ?? '9999').localeCompare(b.expiresAt ?? '9999')
  );
}

export function LicensesPanel() {
  const { status, items, error } = useLicenses();
  const org = useSession((s) => s.session?.account?.organization ?? null);
  // Right after the first sign-in the replica is still empty: that is "loading", not "none".
  const neverSynced = useSession((s) => s.session?.sync.lastSyncAt === null);
  const [choice, setChoice] = useState<SourceChoice>('all');

  if (status === 'error') {
    return (
      <Banner
        tone="error"
        title="Your licenses could not be loaded"
        action={
          <Button size="sm" onClick={() => void useLicenses.getState().load()}>
            Try again
          </Button>
        }
      >
        {error}
      </Banner>
    );
  }
  if (status !== 'ready' || (neverSynced && items.length === 0))
    return <LicenseTable caption="Loading licenses" rows={[]} loading />;

  if (items.length === 0) {
    return (
      <div className="card">
        <EmptyState icon="licensing" title="You have no licenses yet">
          {org && org.role !== 'administrator'
            ? `Licenses you buy, and seats ${org.name} assigns to you, will appear here. To get one from the organization, ask ${org.administratorName} (${org.administratorEmail}).`
            : 'Licenses you buy, and seats your organization assigns to you, will appear here.'}
        </EmptyState>
      </div>
    );
  }

  const sorted = [...items].sort(byProduct);
  const personal = sorted.filter((l) => l.source === 'personal');
  const organization = sorted.filter((l) => l.source === 'organization');
  const both = personal.length > 0 && organization.length > 0;
  const seats = items.reduce((n, l) => n + l.quantity, 0);

  return (
    <>
      <div className="list-toolbar">
        <p className="list-summary">
          {items.length} {items.length === 1 ? 'license' : 'licenses'} · {seats}{' '}
          {seats === 1 ? 'seat' : 'seats'}
        </p>
        {both && (
          <SourceFilter
            value={choice}
            onChange={setChoice}
            counts={{
              all: items.length,
              personal: personal.length,
              organization: organization.length,
            }}
          />
        )}
      </div>
      {both ? (
        <div className="license-groups">
          {choice !== 'organization' && (
            <LicenseTable caption="Personal licenses" rows={personal} />
          )}
          {choice !== 'personal' && (
            <LicenseTable
              caption={org ? `From ${org.name}` : 'From your organization'}
              rows={organization}
            />
          )}
        </div>
      ) : (
        <LicenseTable caption="Licenses" rows={sorted} hideCaption />
      )}
      <BorrowPanel licenses={items} />
    </>
  );
}
