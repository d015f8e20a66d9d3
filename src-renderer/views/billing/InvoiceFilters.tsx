// Search by invoice number, filter by payment status and issue date (docs/sources.md, Account
// management "Invoices").
import type { InvoicesQuery } from '../../../src-shared/cloud-api/billing.ts';

export function InvoiceFilters({
  value,
  onChange,
}: {
  value: InvoicesQuery;
  onChange: (q: InvoicesQuery) => void;
}) {
  const set = (patch: Partial<InvoicesQuery>) => onChange({ ...value, ...patch });
  return (
    <div className="portal-filters" role="search" aria-label="Invoices">
      <label>
        Invoice number
        <input
          type="search"
          placeholder="e.g. INV-2026-005877"
          value={value.number ?? ''}
          onChange={(e) => set({ number: e.target.value || undefined })}
        />
      </label>
      <label>
        Payment status
        <select
          value={value.status ?? ''}
          onChange={(e) =>
            set({ status: (e.target.value || undefined) as InvoicesQuery['status'] })
          }
        >
          <option value="">All</option>
          <option value="unpaid">Unpaid</option>
          <option value="paid">Paid</option>
        </select>
      </label>
      <label>
        Issued from
        <input
          type="date"
          value={value.issuedFrom ?? ''}
          onChange={(e) => set({ issuedFrom: e.target.value || undefined })}
        />
      </label>
      <label>
        Issued to
        <input
          type="date"
          value={value.issuedTo ?? ''}
          onChange={(e) => set({ issuedTo: e.target.value || undefined })}
        />
      </label>
    </div>
  );
}
