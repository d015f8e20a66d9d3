// Products → Active products (docs/sources.md, Account management "Active Products"): subscriptions
// with filters, auto-renewal, Add seats, Upgrade, license keys and downloads. Personal and
// organization purchases are labelled.
import { useState } from 'react';
import type { SubscriptionView } from '../../../src-shared/cloud-api/billing.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { appNow } from '../../app/clock.ts';
import { request } from '../../bridge/index.ts';
import { CloudState } from './CloudState.tsx';
import { FilterBar } from './FilterBar.tsx';
import { applyFilter, NO_FILTER } from './filters.ts';
import { PortalTabs } from './PortalTabs.tsx';
import { SeatsDialog } from './SeatsDialog.tsx';
import { SubscriptionRow } from './SubscriptionRow.tsx';
import { useCloudData } from './useCloudData.ts';
import '../../styles/portal.css';

export function ActiveProducts() {
  const { data, reload } = useCloudData(() => request('portal.subscriptions', {}));
  return (
    <>
      <PageHeader
        title="Products"
        description="Your active subscriptions: seats, dates, auto-renewal and payment."
      />
      <PortalTabs active="active" />
      <CloudState data={data} what="subscriptions" reload={reload}>
        {(v) => <ActiveTable rows={v.active} reload={reload} />}
      </CloudState>
    </>
  );
}

function ActiveTable({ rows, reload }: { rows: SubscriptionView[]; reload: () => void }) {
  const [filter, setFilter] = useState(NO_FILTER);
  const [open, setOpen] = useState<{ kind: 'seats' | 'upgrade'; sub: SubscriptionView } | null>(
    null,
  );
  const shown = applyFilter(rows, filter, appNow());
  if (rows.length === 0)
    return (
      <section className="card">
        <EmptyState icon="products" title="You have no active subscriptions">
          Products you buy in the Store appear here.
        </EmptyState>
      </section>
    );
  return (
    <>
      <FilterBar rows={rows} value={filter} onChange={setFilter} />
      <section className="card table-card">
        <table className="table portal-table">
          <caption className="table-caption">
            Active products <span className="table-caption-count">{shown.length}</span>
          </caption>
          <thead>
            <tr>
              <th scope="col">Product</th>
              <th scope="col" className="num">
                Seats
              </th>
              <th scope="col">Expires</th>
              <th scope="col">Auto-renewal</th>
              <th scope="col">Payment</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((s) => (
              <SubscriptionRow
                key={s.id}
                sub={s}
                onChanged={reload}
                onSeats={(kind) => setOpen({ kind, sub: s })}
              />
            ))}
          </tbody>
        </table>
        {shown.length === 0 && (
          <p className="card-note portal-none">No subscription matches these filters.</p>
        )}
      </section>
      {open && (
        <SeatsDialog
          kind={open.kind}
          sub={open.sub}
          onClose={() => {
            setOpen(null);
            reload();
          }}
        />
      )}
    </>
  );
}
