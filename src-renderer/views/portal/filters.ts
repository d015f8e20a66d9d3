// The portal's filters of Active and Expired products (docs/sources.md, Account management
// "Active Products"): product family, expiration date, currency.
import type { SubscriptionView } from '../../../src-shared/cloud-api/billing.ts';
import { DAY_MS } from '../../../src-shared/billing/renewal.ts';

export interface ProductFilter {
  family: string;
  currency: string;
  /** 'any', or the most days until (active) or since (expired) the expiration date. */
  expires: 'any' | '30' | '90' | '365';
}

export const NO_FILTER: ProductFilter = { family: 'any', currency: 'any', expires: 'any' };

export function applyFilter(
  rows: readonly SubscriptionView[],
  f: ProductFilter,
  now: number,
): SubscriptionView[] {
  return rows.filter((s) => {
    if (f.family !== 'any' && s.family !== f.family) return false;
    if (f.currency !== 'any' && s.currency !== f.currency) return false;
    if (f.expires === 'any') return true;
    if (!s.expiresAt) return false;
    return Math.abs(Date.parse(s.expiresAt) - now) <= Number(f.expires) * DAY_MS;
  });
}

export const optionsOf = (rows: readonly SubscriptionView[], key: 'family' | 'currency') =>
  [...new Set(rows.map((r) => r[key]))].sort();
