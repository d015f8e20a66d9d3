// Money in integer minor units (cents): sums and proration never pass through floating-point
// amounts, so an invoice's lines add up to its total to the cent (docs/billing.md).

export type Cents = number;

export type Currency = 'EUR' | 'USD';

/** Rounds half away from zero to a whole cent. */
export function roundCents(x: number): Cents {
  return Math.sign(x) * Math.round(Math.abs(x));
}

export function sumCents(values: readonly Cents[]): Cents {
  let n = 0;
  for (const v of values) n += v;
  return n;
}

/** Whole units and cents as `1,234.50`, in a neutral format; the currency code goes beside it. */
export function formatCents(cents: Cents, currency: string): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${currency} ${whole}.${String(abs % 100).padStart(2, '0')}`;
}
