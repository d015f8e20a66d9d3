// Billing information and the saved payment method, and saving either.
import { useState } from 'react';
import type { BillingAnswer } from '../../../src-shared/cloud-api/billing.ts';
import { request } from '../../bridge/index.ts';
import { errorText, useCloudData } from '../portal/useCloudData.ts';

export function useBilling() {
  const { data, reload } = useCloudData(() => request('portal.billing', {}));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const save = async (work: () => Promise<BillingAnswer>) => {
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      await work();
      setSaved(true);
      reload();
      return true;
    } catch (err) {
      setError(errorText(err));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { data, reload, busy, error, saved, save };
}
