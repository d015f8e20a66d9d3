// Billing → Invoices: the balance, the search and filters, the table, and the pay flow
// (confirmation, then receipt with Got it).
import { CloudState } from '../portal/CloudState.tsx';
import { ReceiptDialog } from '../portal/ReceiptDialog.tsx';
import { BalanceCard } from './BalanceCard.tsx';
import { InvoiceFilters } from './InvoiceFilters.tsx';
import { InvoiceTable } from './InvoiceTable.tsx';
import { PayDialog } from './PayDialog.tsx';
import { useInvoices } from './useInvoices.ts';

export function InvoicesPanel() {
  const s = useInvoices();
  return (
    <div className="portal-stack">
      <CloudState data={s.data} what="invoices" reload={s.reload}>
        {(answer) => {
          const unpaid = answer.invoices.filter((i) => i.status === 'unpaid');
          return (
            <>
              <BalanceCard
                answer={answer}
                selected={s.selected.size}
                onPayAll={() => s.setConfirming('all')}
                onPaySelected={() => s.setConfirming([...s.selected])}
              />
              <InvoiceFilters value={s.query} onChange={s.setQuery} />
              <InvoiceTable
                invoices={answer.invoices}
                selected={s.selected}
                onToggle={s.toggle}
                onPay={(n) => s.setConfirming([n])}
              />
              {s.confirming && (
                <PayDialog
                  choice={s.confirming}
                  unpaid={unpaid}
                  outstandingCents={answer.outstandingCents}
                  busy={s.busy}
                  error={s.error}
                  onConfirm={() => void s.pay()}
                  onCancel={s.cancel}
                />
              )}
            </>
          );
        }}
      </CloudState>
      {s.receipt && (
        <ReceiptDialog
          receipt={s.receipt}
          headline="Your payment was processed and the invoice balance is settled."
          onClose={() => s.setReceipt(null)}
        />
      )}
    </div>
  );
}
