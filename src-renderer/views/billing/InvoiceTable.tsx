// The invoices: selection for a part payment, number, dates, amount, status, PDF and Pay.
import { useState } from 'react';
import type { InvoiceView } from '../../../src-shared/cloud-api/billing.ts';
import { formatCents } from '../../../src-shared/billing/money.ts';
import { Button } from '../../components/Button.tsx';
import { formatDate } from '../../format/time.ts';
import { request } from '../../bridge/index.ts';
import { errorText } from '../portal/useCloudData.ts';

interface Props {
  invoices: InvoiceView[];
  selected: Set<string>;
  onToggle: (n: string) => void;
  onPay: (n: string) => void;
}

function Status({ inv }: { inv: InvoiceView }) {
  if (inv.status === 'paid') return <span className="badge badge-ok">Paid</span>;
  return (
    <span className={`badge ${inv.overdue ? 'badge-danger' : 'badge-warning'}`}>
      {inv.overdue ? 'Overdue' : 'Unpaid'}
    </span>
  );
}

export function InvoiceTable({ invoices, selected, onToggle, onPay }: Props) {
  const [saved, setSaved] = useState<Record<string, string>>({});
  const pdf = async (n: string) => {
    try {
      const f = await request('portal.invoicePdf', { number: n });
      setSaved((s) => ({ ...s, [n]: `Saved to ${f.path}` }));
    } catch (err) {
      setSaved((s) => ({ ...s, [n]: errorText(err) }));
    }
  };
  return (
    <section className="card table-card">
      <table className="table portal-invoices">
        <caption className="table-caption">
          Invoices <span className="table-caption-count">{invoices.length}</span>
        </caption>
        <thead>
          <tr>
            <th scope="col" className="col-check">
              <span className="visually-hidden">Select</span>
            </th>
            <th scope="col">Invoice</th>
            <th scope="col">Issued</th>
            <th scope="col">Due</th>
            <th scope="col" className="num">
              Amount
            </th>
            <th scope="col">Status</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {invoices.map((i) => (
            <tr key={i.number} data-invoice={i.number}>
              <td>
                {i.status === 'unpaid' && (
                  <input
                    type="checkbox"
                    aria-label={`Select ${i.number}`}
                    checked={selected.has(i.number)}
                    onChange={() => onToggle(i.number)}
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
                    onClick={() => void pdf(i.number)}
                  >
                    PDF ↓
                  </Button>
                  {i.status === 'unpaid' && (
                    <Button
                      size="sm"
                      aria-label={`Pay ${i.number}`}
                      onClick={() => onPay(i.number)}
                    >
                      Pay
                    </Button>
                  )}
                </div>
                {saved[i.number] && (
                  <span role="status" className="cell-secondary">
                    {saved[i.number]}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {invoices.length === 0 && (
        <p className="card-note portal-none">No invoice matches this search.</p>
      )}
    </section>
  );
}
