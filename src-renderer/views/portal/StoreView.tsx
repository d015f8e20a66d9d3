// Products → Store: buy a product or cloud credits (simulated payment), or apply for a trial or
// beta. Members see why they cannot buy (docs/sources.md, Portal guide §I) and can still apply for
// trials and betas.
import { useState } from 'react';
import type { StoreAnswer } from '../../../src-shared/cloud-api/billing.ts';
import { formatCents } from '../../../src-shared/billing/money.ts';
import { Banner } from '../../components/Banner.tsx';
import { Button } from '../../components/Button.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { request } from '../../bridge/index.ts';
import { CartDialog } from './CartDialog.tsx';
import { CloudState } from './CloudState.tsx';
import { CreditsPurchase } from './CreditsPurchase.tsx';
import { PortalTabs } from './PortalTabs.tsx';
import { TrialButtons } from './TrialButtons.tsx';
import { useCloudData } from './useCloudData.ts';
import '../../styles/portal.css';

export function StoreView() {
  const { data, reload } = useCloudData(() => request('portal.store', {}));
  return (
    <>
      <PageHeader
        title="Products"
        description="Buy products and cloud credits, or apply for a trial or a beta. Payments in this demo are simulated."
      />
      <PortalTabs active="store" />
      <CloudState data={data} what="store" reload={reload}>
        {(store) => <Store store={store} />}
      </CloudState>
    </>
  );
}

function Store({ store }: { store: StoreAnswer }) {
  const [cart, setCart] = useState<{ code: string; name: string } | null>(null);
  return (
    <div className="portal-store">
      {store.subscriptionRefusal && (
        <Banner tone="warning" title="You cannot buy in the store">
          {store.subscriptionRefusal}. Ask your administrator for licenses or credits; you can still
          apply for trials and betas below.
        </Banner>
      )}
      <section className="card table-card">
        <table className="table">
          <caption className="table-caption">Products</caption>
          <thead>
            <tr>
              <th scope="col">Product</th>
              <th scope="col" className="num">
                Annual
              </th>
              <th scope="col" className="num">
                Monthly
              </th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {store.products.map((p) => (
              <tr key={p.productCode}>
                <td>
                  <span className="cell-primary">{p.productName}</span>
                  <span className="cell-secondary">{p.family}</span>
                </td>
                <td className="num">{formatCents(p.annualCents, store.currency)}</td>
                <td className="num">{formatCents(p.monthlyCents, store.currency)}</td>
                <td>
                  <div className="portal-actions">
                    {!store.subscriptionRefusal && (
                      <Button
                        size="sm"
                        variant="primary"
                        onClick={() => setCart({ code: p.productCode, name: p.productName })}
                      >
                        Buy
                      </Button>
                    )}
                    <TrialButtons productCode={p.productCode} productName={p.productName} />
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <CreditsPurchase store={store} />
      {cart && (
        <CartDialog
          productCode={cart.code}
          productName={cart.name}
          initialTerm="annual"
          initialQuantity={1}
          onClose={() => setCart(null)}
        />
      )}
    </div>
  );
}
