// The simulated store's price list (EUR, cents per seat per term), matching the demo seed's
// invoices (e.g. V-Ray Collection annual 699.00 a seat). Families group products for the filters.
import type { Cents } from './money.ts';
import type { RenewTerm } from './renewal.ts';

export interface PriceEntry {
  family: string;
  annual: Cents;
  monthly: Cents;
  /** The product a subscription of this one may be upgraded to, where there is one. */
  upgradeTo?: string;
}

export const CURRENCY = 'EUR';

export const priceList: Record<string, PriceEntry> = {
  'vray-3dsmax': { family: 'V-Ray', annual: 69_000, monthly: 8_990, upgradeTo: 'vray-collection' },
  'vray-maya': { family: 'V-Ray', annual: 69_000, monthly: 8_990, upgradeTo: 'vray-collection' },
  'vray-rhino': { family: 'V-Ray', annual: 47_000, monthly: 5_990, upgradeTo: 'vray-collection' },
  'vray-sketchup': {
    family: 'V-Ray',
    annual: 47_000,
    monthly: 5_990,
    upgradeTo: 'vray-collection',
  },
  'vray-collection': { family: 'V-Ray', annual: 69_900, monthly: 9_990 },
  'vray-render-node': { family: 'V-Ray', annual: 5_000, monthly: 690 },
  'phoenix-3dsmax': { family: 'Phoenix', annual: 38_000, monthly: 4_990 },
  'phoenix-maya': { family: 'Phoenix', annual: 38_000, monthly: 4_990 },
  enscape: { family: 'Enscape', annual: 54_900, monthly: 6_990 },
  'corona-3dsmax': { family: 'Corona', annual: 39_900, monthly: 5_990 },
  'corona-render-node': { family: 'Corona', annual: 4_500, monthly: 590 },
};

/** One Chaos Cloud credit costs one euro in the simulated store. */
export const CREDIT_PRICE_CENTS: Cents = 100;

export function priceOf(productCode: string, term: RenewTerm): Cents | null {
  const p = priceList[productCode];
  return p ? p[term] : null;
}

export function familyOf(productCode: string): string {
  return priceList[productCode]?.family ?? 'Other';
}
