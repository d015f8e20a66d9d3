// The cart's data and order: prices from the store, the billing details and saved card the order
// will use, and placing the order at the total shown.
import { useState } from 'react';
import type { OrderAnswer, OrderBody } from '../../../src-shared/cloud-api/billing.ts';
import { request } from '../../bridge/index.ts';
import { errorText, useCloudData } from './useCloudData.ts';

export function useCheckout() {
  const { data } = useCloudData(async () => ({
    store: await request('portal.store', {}),
    billing: await request('portal.billing', {}),
  }));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<OrderAnswer | null>(null);
  const order = async (body: OrderBody) => {
    setBusy(true);
    setError(null);
    try {
      setDone(await request('portal.order', body));
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return { data, busy, error, done, order };
}
