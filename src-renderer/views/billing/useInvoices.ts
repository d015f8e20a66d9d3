// Invoices with the portal's search and filters (docs/sources.md, Account management "Invoices"),
// the selection for a part payment, and paying with a confirmation first and the receipt after.
import { useState } from 'react';
import type { InvoicesQuery, Receipt } from '../../../src-shared/cloud-api/billing.ts';
import { request } from '../../bridge/index.ts';
import { errorText, useCloudData } from '../portal/useCloudData.ts';

export type PayChoice = 'all' | string[];

export function useInvoices() {
  const [query, setQuery] = useState<InvoicesQuery>({});
  const { data, reload } = useCloudData(
    () => request('portal.invoices', query),
    [JSON.stringify(query)],
  );
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [confirming, setConfirming] = useState<PayChoice | null>(null);
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const toggle = (n: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(n)) next.delete(n);
      else next.add(n);
      return next;
    });
  const pay = async () => {
    if (!confirming) return;
    setBusy(true);
    setError(null);
    try {
      setReceipt(await request('portal.pay', { invoices: confirming }));
      setConfirming(null);
      setSelected(new Set());
      reload();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  const cancel = () => {
    setConfirming(null);
    setError(null);
  };
  return {
    query,
    setQuery,
    data,
    reload,
    selected,
    toggle,
    confirming,
    setConfirming,
    receipt,
    setReceipt,
    busy,
    error,
    pay,
    cancel,
  };
}
