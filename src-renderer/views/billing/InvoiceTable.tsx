// The invoices: selection for a part payment, number, dates, amount, status, PDF and Pay.
import { useState } from 'react';
import type { InvoiceView } from '../../../src-shared/cloud-api/billing.ts';
import { request } from '../../bridge/index.ts';
import { errorText } from '../portal/useCloudData.ts';
import { InvoiceRow } from './InvoiceRow.tsx';

interface Props {
  invoices: InvoiceView[];
  selected: Set<string>;
  onToggle: (n: string) => void;
  onPay: (n: string) => void;
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
            <InvoiceRow
              key={i.number}
              inv={i}
              selected={selected.has(i.number)}
              note={saved[i.number]}
              onToggle={() => onToggle(i.number)}
              onPay={() => onPay(i.number)}
              onPdf={() => void pdf(i.number)}
            />
          ))}
        </tbody>
      </table>
      {invoices.length === 0 && (
        <p className="card-note portal-none">No invoice matches this search.</p>
      )}
    </section>
  );
}
