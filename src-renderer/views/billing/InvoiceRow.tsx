// One invoice: a checkbox for a part payment when unpaid, number and what it is for, dates,
// amount, status (overdue when past due), PDF and Pay.
import type { InvoiceView } from '../../../src-shared/cloud-api/billing.ts';
import { formatCents } from '../../../src-shared/billing/money.ts';
import { Button } from '../../components/Button.tsx';
import { formatDate } from '../../format/time.ts';

interface Props {
  inv: InvoiceView;
  selected: boolean;
  note: string | undefined;
  onToggle: () => void;
  onPay: () => void;
  onPdf: () => void;
}

function Status({ inv }: { inv: InvoiceView }) {
  if (inv.status === 'paid') return <span className="badge badge-ok">Paid</span>;
  return (
    <span className={`badge ${inv.overdue ? 'badge-danger' : 'badge-warning'}`}>
      {inv.overdue ? 'Overdue' : 'Unpaid'}
    </span>
  );
}

export function InvoiceRow({ inv: i, selected, note, onToggle, onPay, onPdf }: Props) {
  return (
    <tr data-invoice={i.number}>
      <td>
        {i.status === 'unpaid' && (
          <input
            type="checkbox"
            aria-label={`Select ${i.number}`}
            checked={selected}
            onChange={onToggle}
          />
        )}
      </td>
      <td>
        <span className="cell-primary">{i.number}</span>
        <span className="cell-secondary">{i.description}</span>
      </td>
      <td>{formatDate(i.issuedAt)}</td>
      <td>{i.dueAt ? formatDate(i.dueAt) : '—'}</td>
      <td className="num">{formatCents(i.amountCents, i.currency)}</td>
      <td>
        <Status inv={i} />
      </td>
      <td>
        <div className="portal-actions">
          <Button
            size="sm"
            variant="quiet"
            aria-label={`Download ${i.number} as PDF`}
            onClick={onPdf}
          >
            PDF ↓
          </Button>
          {i.status === 'unpaid' && (
            <Button size="sm" aria-label={`Pay ${i.number}`} onClick={onPay}>
              Pay
            </Button>
          )}
        </div>
        {note && (
          <span role="status" className="cell-secondary">
            {note}
          </span>
        )}
      </td>
    </tr>
  );
}
