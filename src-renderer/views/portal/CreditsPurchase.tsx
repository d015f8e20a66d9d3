// Buy Chaos Cloud credits: the administrator's go to the organization's pool, anyone else's are
// personal; refused for Members and for Guests with organizational access (docs/sources.md, Portal
// guide §I, §XXV).
import { useState } from 'react';
import type { StoreAnswer } from '../../../src-shared/cloud-api/billing.ts';
import { formatCents } from '../../../src-shared/billing/money.ts';
import { Banner } from '../../components/Banner.tsx';
import { Button } from '../../components/Button.tsx';
import { Field } from '../../components/Field.tsx';
import { ReceiptDialog } from './ReceiptDialog.tsx';
import { useCheckout } from './useCheckout.ts';

export function CreditsPurchase({ store }: { store: StoreAnswer }) {
  const [amount, setAmount] = useState(100);
  const { busy, error, done, order } = useCheckout();
  const [shown, setShown] = useState(true);
  const valid = Number.isInteger(amount) && amount >= 1;
  const total = valid ? amount * store.creditCents : null;
  return (
    <section className="card" aria-labelledby="buy-credits">
      <h2 id="buy-credits" className="card-title">
        Chaos Cloud credits
      </h2>
      {store.creditRefusal ? (
        <Banner tone="info" title="Quick note">
          {store.creditRefusal}
        </Banner>
      ) : (
        <div className="portal-cart-row">
          <Field
            label="Credits"
            type="number"
            min={1}
            value={Number.isNaN(amount) ? '' : amount}
            onChange={(e) => setAmount(e.target.valueAsNumber)}
            error={valid ? null : 'Enter a whole number of credits.'}
          />
          <Button
            variant="primary"
            busy={busy}
            disabled={total === null}
            onClick={() => {
              setShown(true);
              void order({ kind: 'credits', amount, expectedCents: total ?? 0 });
            }}
          >
            Buy {valid ? amount : ''} credits
            {total !== null && ` · ${formatCents(total, store.currency)}`}
          </Button>
        </div>
      )}
      {error && (
        <Banner tone="error" title="The credits were not bought">
          {error}
        </Banner>
      )}
      {done?.receipt && shown && (
        <ReceiptDialog
          receipt={done.receipt}
          headline={`${done.invoice?.description ?? 'Credits'} added to your balance.`}
          onClose={() => setShown(false)}
        />
      )}
    </section>
  );
}
