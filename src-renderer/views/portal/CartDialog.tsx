// The cart of Buy again and of the Store (docs/sources.md, Account management "Expired Products"):
// quantity and term, the billing information and payment method the order uses (changeable in
// Billing), the total, then a new subscription.
import { useState } from 'react';
import { formatCents } from '../../../src-shared/billing/money.ts';
import { Banner } from '../../components/Banner.tsx';
import { Button } from '../../components/Button.tsx';
import { Field } from '../../components/Field.tsx';
import { Dialog } from '../organization/Dialog.tsx';
import { CartSummary } from './CartSummary.tsx';
import { ReceiptDialog } from './ReceiptDialog.tsx';
import { useCheckout } from './useCheckout.ts';

interface Props {
  productCode: string;
  productName: string;
  initialTerm: 'annual' | 'monthly';
  initialQuantity: number;
  onClose: () => void;
}

export function CartDialog({
  productCode,
  productName,
  initialTerm,
  initialQuantity,
  onClose,
}: Props) {
  const [term, setTerm] = useState(initialTerm);
  const [quantity, setQuantity] = useState(initialQuantity);
  const { data, busy, error, done, order } = useCheckout();
  if (done?.receipt)
    return (
      <ReceiptDialog
        receipt={done.receipt}
        headline={`Your new ${productName} subscription is active. Find it under Active products.`}
        onClose={onClose}
      />
    );
  const ready = data.kind === 'ready' ? data.value : null;
  const item = ready?.store.products.find((p) => p.productCode === productCode);
  const unit = item ? (term === 'annual' ? item.annualCents : item.monthlyCents) : null;
  const valid = Number.isInteger(quantity) && quantity >= 1;
  const total = unit !== null && valid ? unit * quantity : null;
  const card = ready?.billing.paymentMethod;
  const refusal = ready?.store.subscriptionRefusal;
  return (
    <Dialog
      title={`Cart: ${productName}`}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button
            variant="primary"
            busy={busy}
            disabled={total === null || !card || !!refusal}
            onClick={() =>
              void order({
                kind: 'subscription',
                productCode,
                term,
                quantity,
                expectedCents: total ?? 0,
              })
            }
          >
            Place order{total !== null && ` · ${formatCents(total, 'EUR')}`}
          </Button>
        </>
      }
    >
      {refusal && (
        <Banner tone="error" title="You cannot buy in the store">
          {refusal}
        </Banner>
      )}
      <div className="portal-cart-row">
        <label className="portal-select">
          Term
          <select value={term} onChange={(e) => setTerm(e.target.value as 'annual' | 'monthly')}>
            <option value="annual">Annual</option>
            <option value="monthly">Monthly</option>
          </select>
        </label>
        <Field
          label="Quantity"
          type="number"
          min={1}
          value={Number.isNaN(quantity) ? '' : quantity}
          onChange={(e) => setQuantity(e.target.valueAsNumber)}
          error={valid ? null : 'Enter 1 or more seats.'}
        />
      </div>
      {unit !== null && (
        <p className="portal-quote">
          {quantity} × {formatCents(unit, 'EUR')} ({term})
        </p>
      )}
      <CartSummary billing={ready?.billing ?? null} />
      {error && (
        <Banner tone="error" title="The order was not placed">
          {error}
        </Banner>
      )}
      <p className="card-note">Demo: the payment processor is simulated; nothing is charged.</p>
    </Dialog>
  );
}
