// Add seats / Upgrade (docs/sources.md, Account management "Add Seats to a subscription"): the
// quantity, the prorated price for the days left shown before confirming, then the order at exactly
// that price and its receipt.
import { useState } from 'react';
import type { OrderAnswer, SubscriptionView } from '../../../src-shared/cloud-api/billing.ts';
import { formatCents } from '../../../src-shared/billing/money.ts';
import { NO_CARD_LABEL } from '../../../src-shared/billing/renewal.ts';
import { href } from '../../app/route.ts';
import { Banner } from '../../components/Banner.tsx';
import { Button } from '../../components/Button.tsx';
import { Field } from '../../components/Field.tsx';
import { request } from '../../bridge/index.ts';
import { Dialog } from '../organization/Dialog.tsx';
import { ReceiptDialog } from './ReceiptDialog.tsx';
import { errorText } from './useCloudData.ts';
import { useQuote, type SeatsKind } from './useQuote.ts';

interface Props {
  kind: SeatsKind;
  sub: SubscriptionView;
  onClose: () => void;
}

export function SeatsDialog({ kind, sub, onClose }: Props) {
  const [seats, setSeats] = useState(1);
  const { quote, error } = useQuote(kind, sub.id, seats);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const [done, setDone] = useState<OrderAnswer | null>(null);
  const verb = kind === 'seats' ? 'Add' : 'Upgrade';
  const noCard = sub.payment === NO_CARD_LABEL;

  if (done?.receipt)
    return (
      <ReceiptDialog
        receipt={done.receipt}
        headline={`${verb} done: ${done.invoice?.description ?? ''}.`}
        onClose={onClose}
      />
    );

  const confirm = async () => {
    if (!quote) return;
    setBusy(true);
    setFailed(null);
    try {
      const call = kind === 'seats' ? 'portal.addSeats' : 'portal.upgrade';
      setDone(await request(call, { purchaseId: sub.id, seats, expectedCents: quote.totalCents }));
    } catch (err) {
      setFailed(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  const price = quote ? formatCents(quote.totalCents, quote.currency) : '…';
  return (
    <Dialog
      title={
        kind === 'seats'
          ? `Add seats to ${sub.productName}`
          : `Upgrade ${sub.productName} to ${sub.upgradeTo?.name ?? ''}`
      }
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button
            variant="primary"
            busy={busy}
            disabled={!quote || noCard}
            onClick={() => void confirm()}
          >
            {verb} {seats} {seats === 1 ? 'seat' : 'seats'} · {price}
          </Button>
        </>
      }
    >
      <Field
        label={kind === 'seats' ? 'Seats to add' : 'Seats to upgrade'}
        type="number"
        min={1}
        value={Number.isNaN(seats) ? '' : seats}
        onChange={(e) => setSeats(e.target.valueAsNumber)}
        error={error}
      />
      {quote && (
        <p className="portal-quote" aria-live="polite">
          Prorated for the {quote.days} of {quote.termDays} days left until the renewal:{' '}
          <strong>{price}</strong> ({seats} × {formatCents(quote.unitCents, quote.currency)} ×{' '}
          {quote.days}/{quote.termDays}).{' '}
          {noCard
            ? 'This is the amount of the invoice.'
            : `This is the amount of the invoice, paid with ${sub.payment}.`}
        </p>
      )}
      {noCard && (
        <Banner tone="warning" title="No payment method saved">
          Add a card under <a href={href('billing', 'methods')}>Billing → Payment methods</a> first;
          the order is paid with it at once.
        </Banner>
      )}
      {failed && (
        <Banner tone="error" title={`${verb} failed`}>
          {failed}
        </Banner>
      )}
    </Dialog>
  );
}
