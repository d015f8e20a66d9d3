// Products → Expired products (docs/sources.md, Account management "Expired Products"): expired
// subscriptions, filtered as Active products, with Buy again opening the cart.
import { useState } from 'react';
import type { SubscriptionView } from '../../../src-shared/cloud-api/billing.ts';
import { appNow } from '../../app/clock.ts';
import { Button } from '../../components/Button.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { formatDate } from '../../format/time.ts';
import { request } from '../../bridge/index.ts';
import { CartDialog } from './CartDialog.tsx';
import { CloudState } from './CloudState.tsx';
import { FilterBar } from './FilterBar.tsx';
import { applyFilter, NO_FILTER } from './filters.ts';
import { PortalTabs } from './PortalTabs.tsx';
import { useCloudData } from './useCloudData.ts';
import '../../styles/portal.css';

export function ExpiredProducts() {
  const { data, reload } = useCloudData(() => request('portal.subscriptions', {}));
  return (
    <>
      <PageHeader
        title="Products"
        description="Subscriptions that have expired. Buy one again to get a new subscription."
      />
      <PortalTabs active="expired" />
      <CloudState data={data} what="expired products" reload={reload}>
        {(v) => <ExpiredTable rows={v.expired} reload={reload} />}
      </CloudState>
    </>
  );
}

function ExpiredTable({ rows, reload }: { rows: SubscriptionView[]; reload: () => void }) {
  const [filter, setFilter] = useState(NO_FILTER);
  const [cart, setCart] = useState<SubscriptionView | null>(null);
  if (rows.length === 0)
    return (
      <section className="card">
        <EmptyState icon="products" title="No expired products">
          Subscriptions that end without renewal appear here.
        </EmptyState>
      </section>
    );
  const shown = applyFilter(rows, filter, appNow());
  return (
    <>
      <FilterBar rows={rows} value={filter} onChange={setFilter} expiredView />
      <section className="card table-card">
        <table className="table">
          <caption className="table-caption">
            Expired products <span className="table-caption-count">{shown.length}</span>
          </caption>
          <thead>
            <tr>
              <th scope="col">Product</th>
              <th scope="col" className="num">
                Seats
              </th>
              <th scope="col">Expired</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((s) => (
              <tr key={s.id} data-subscription={s.id}>
                <td>
                  <span className="cell-primary">{s.productName}</span>
                  <span className="cell-secondary">
                    {s.term} · {s.source === 'personal' ? 'Personal' : 'Organization'}
                  </span>
                </td>
                <td className="num">{s.quantity}</td>
                <td>{s.expiresAt ? formatDate(s.expiresAt) : ''}</td>
                <td>
                  <Button size="sm" variant="primary" onClick={() => setCart(s)}>
                    Buy again
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {cart && (
        <CartDialog
          productCode={cart.productCode}
          productName={cart.productName}
          initialTerm={cart.term === 'monthly' ? 'monthly' : 'annual'}
          initialQuantity={cart.quantity}
          onClose={() => {
            setCart(null);
            reload();
          }}
        />
      )}
    </>
  );
}
