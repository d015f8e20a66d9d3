// The confirmation before a payment: what is paid, how much, with which card.
import type { InvoiceView } from '../../../src-shared/cloud-api/billing.ts';
import { formatCents, sumCents } from '../../../src-shared/billing/money.ts';
import { Banner } from '../../components/Banner.tsx';
import { Button } from '../../components/Button.tsx';
import { Dialog } from '../organization/Dialog.tsx';
import type { PayChoice } from './useInvoices.ts';

interface Props {
  choice: PayChoice;
  unpaid: InvoiceView[];
  outstandingCents: number;
  busy: boolean;
  error: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}

export function PayDialog({
  choice,
  unpaid,
  outstandingCents,
  busy,
  error,
  onConfirm,
  onCancel,
}: Props) {
  const chosen = choice === 'all' ? unpaid : unpaid.filter((i) => choice.includes(i.number));
  const total = choice === 'all' ? outstandingCents : sumCents(chosen.map((i) => i.amountCents));
  const amount = formatCents(total, chosen[0]?.currency ?? 'EUR');
  return (
    <Dialog
      title={
        choice === 'all'
          ? 'Pay all'
          : chosen.length === 1
            ? `Pay ${chosen[0]?.number ?? ''}`
            : `Pay ${chosen.length} invoices`
      }
      onClose={onCancel}
      footer={
        <>
          <Button onClick={onCancel}>Cancel</Button>
          <Button variant="primary" busy={busy} onClick={onConfirm}>
            Pay {amount}
          </Button>
        </>
      }
    >
      <p>
        {choice === 'all' ? 'Every unpaid invoice' : chosen.map((i) => i.number).join(', ')} will be
        paid with the payment method saved in Billing → Payment methods: <strong>{amount}</strong>.
      </p>
      <p className="card-note">Demo: the payment processor is simulated. No card is charged.</p>
      {error && (
        <Banner tone="error" title="The payment did not go through">
          {error}
        </Banner>
      )}
    </Dialog>
  );
}
