// Billing → Payment methods (docs/sources.md, Account management "Payment Methods"): the saved
// card, used for unpaid invoices and every future renewal, and Change. Simulated: only the brand
// and last four digits are kept.
import { useState } from 'react';
import { Banner } from '../../components/Banner.tsx';
import { Button } from '../../components/Button.tsx';
import { Field } from '../../components/Field.tsx';
import { request } from '../../bridge/index.ts';
import { CloudState } from '../portal/CloudState.tsx';
import { useBilling } from './useBilling.ts';

export function PaymentMethodPanel() {
  const b = useBilling();
  const [editing, setEditing] = useState(false);
  const [form, setForm] = useState({ holder: '', cardNumber: '', expiry: '' });
  const submit = async () => {
    const [m, y] = form.expiry.split('/').map((x) => Number(x.trim()));
    const ok = await b.save(() =>
      request('portal.setPaymentMethod', {
        holder: form.holder,
        cardNumber: form.cardNumber,
        expMonth: m ?? 0,
        expYear: (y ?? 0) < 100 ? 2000 + (y ?? 0) : (y ?? 0),
      }),
    );
    if (ok) setEditing(false);
  };
  return (
    <CloudState data={b.data} what="payment methods" reload={b.reload}>
      {({ paymentMethod: pm }) => (
        <section className="card portal-form" aria-labelledby="pm-title">
          <h2 id="pm-title" className="card-title">
            Payment method
          </h2>
          <p>
            {pm
              ? `${pm.brand} •••• ${pm.last4}, expires ${String(pm.expMonth).padStart(2, '0')}/${pm.expYear}, ${pm.holder}`
              : 'No payment method is saved.'}
          </p>
          <p className="card-note">
            Used for unpaid invoices and future renewals of all active subscriptions. Demo: the
            processor is simulated; only the brand and the last four digits are kept.
          </p>
          {editing ? (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                void submit();
              }}
            >
              <Field
                label="Cardholder"
                value={form.holder}
                onChange={(e) => setForm({ ...form, holder: e.target.value })}
              />
              <Field
                label="Card number"
                inputMode="numeric"
                value={form.cardNumber}
                onChange={(e) => setForm({ ...form, cardNumber: e.target.value })}
                hint="Any test number, e.g. 4242 4242 4242 4242"
              />
              <Field
                label="Expiry (MM/YY)"
                value={form.expiry}
                onChange={(e) => setForm({ ...form, expiry: e.target.value })}
              />
              {b.error && (
                <Banner tone="error" title="The card was not saved">
                  {b.error}
                </Banner>
              )}
              <div className="portal-actions">
                <Button onClick={() => setEditing(false)}>Cancel</Button>
                <Button type="submit" variant="primary" busy={b.busy}>
                  Save card
                </Button>
              </div>
            </form>
          ) : (
            <Button onClick={() => setEditing(true)}>{pm ? 'Change' : 'Add a card'}</Button>
          )}
          {b.saved && !editing && (
            <Banner tone="success" title="Payment method saved">
              It is used from now on.
            </Banner>
          )}
        </section>
      )}
    </CloudState>
  );
}
