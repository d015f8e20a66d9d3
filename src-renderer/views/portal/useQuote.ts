// The prorated quote for more (or upgraded) seats, asked again whenever the quantity changes, so
// the price shown before confirming is the price the cloud will invoice.
import { useEffect, useState } from 'react';
import type { QuoteAnswer } from '../../../src-shared/cloud-api/billing.ts';
import { request } from '../../bridge/index.ts';
import { errorText } from './useCloudData.ts';

export type SeatsKind = 'seats' | 'upgrade';

export function useQuote(kind: SeatsKind, purchaseId: string, seats: number) {
  const [quote, setQuote] = useState<QuoteAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setQuote(null);
    setError(null);
    if (!Number.isInteger(seats) || seats < 1) {
      setError('Enter a whole number of seats, 1 or more.');
      return;
    }
    const call = kind === 'seats' ? 'portal.quoteSeats' : 'portal.quoteUpgrade';
    request(call, { purchaseId, seats }).then(
      (q) => live && setQuote(q),
      (err: unknown) => live && setError(errorText(err)),
    );
    return () => {
      live = false;
    };
  }, [kind, purchaseId, seats]);
  return { quote, error };
}
