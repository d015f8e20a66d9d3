// The receipt after a payment or an order (docs/sources.md, Account management "Invoices": "you
// will see a confirmation message, as well as receive your receipt. Click on Got it"). The
// processor is simulated and the receipt says so.
import type { Receipt } from '../../../src-shared/cloud-api/billing.ts';
import { formatCents } from '../../../src-shared/billing/money.ts';
import { Button } from '../../components/Button.tsx';
import { formatDateTime } from '../../format/time.ts';
import { Dialog } from '../organization/Dialog.tsx';

export function ReceiptDialog({
  receipt,
  headline,
  onClose,
}: {
  receipt: Receipt;
  headline: string;
  onClose: () => void;
}) {
  return (
    <Dialog
      title="Payment received"
      onClose={onClose}
      footer={
        <Button variant="primary" onClick={onClose}>
          Got it
        </Button>
      }
    >
      <p className="portal-receipt-lead">{headline}</p>
      <dl className="details">
        <div>
          <dt>Receipt</dt>
          <dd>{receipt.receiptNumber}</dd>
        </div>
        <div>
          <dt>Amount</dt>
          <dd>{formatCents(receipt.amountCents, receipt.currency)}</dd>
        </div>
        <div>
          <dt>Invoices</dt>
          <dd>{receipt.invoices.join(', ')}</dd>
        </div>
        <div>
          <dt>Paid with</dt>
          <dd>{receipt.method}</dd>
        </div>
        <div>
          <dt>Date</dt>
          <dd>{formatDateTime(receipt.paidAt)}</dd>
        </div>
      </dl>
      <p className="card-note">
        Demo: the payment processor is simulated. No card was charged and no money moved.
      </p>
    </Dialog>
  );
}
