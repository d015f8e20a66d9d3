// How the pool's lots are dated and counted (docs/sources.md, Portal guide §XXVIII): through the
// one date formatter (format/time.ts, issue 18) and credits with three decimals in the reader's
// locale.
import { formatCredits } from '../../../src-shared/credits/format.ts';
import { formatDate, formatDateTime } from '../../format/time.ts';

/** "15 Nov 2021" for a lot's expiration day (the date as stored, whatever the time zone). */
export function formatLotDate(day: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(day);
  return m?.[1] ? formatDate(m[1]) : day;
}

/** "16 Sep 2021 • 1:53 PM" in local time, as the portal dates its figures. */
export function formatAsOf(iso: string): string {
  return formatDateTime(iso);
}

/** Credits always with three decimals as the seed prints them (20.000), in the reader's locale. */
export function formatLotQuantity(v: number): string {
  return formatCredits(v);
}
