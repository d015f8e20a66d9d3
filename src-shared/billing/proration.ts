// Add seats and upgrades (docs/sources.md, Account management "Add Seats to a subscription"): "The
// price for the new seats will be prorated according to the remaining days until the next renewal
// date." The quote shown before confirming is the invoice: both come from this one function, in
// integer cents.
import { roundCents, type Cents } from './money.ts';
import { DAY_MS, type RenewTerm } from './renewal.ts';

/** Days one term pays for. */
export const TERM_DAYS: Record<RenewTerm, number> = { annual: 365, monthly: 30 };

/** Days left to pay for: whole days to the renewal date, a started day counting as one. */
export function remainingDays(renewsAtMs: number, nowMs: number, term: RenewTerm): number {
  const days = Math.ceil((renewsAtMs - nowMs) / DAY_MS);
  return Math.max(0, Math.min(TERM_DAYS[term], days));
}

export interface ProratedQuote {
  unitCents: Cents;
  seats: number;
  days: number;
  termDays: number;
  totalCents: Cents;
}

/** seats × unit price × days left / days of the term, rounded once to the cent. */
export function prorate(
  unitCents: Cents,
  seats: number,
  days: number,
  term: RenewTerm,
): ProratedQuote {
  const termDays = TERM_DAYS[term];
  return {
    unitCents,
    seats,
    days,
    termDays,
    totalCents: roundCents((unitCents * seats * days) / termDays),
  };
}
