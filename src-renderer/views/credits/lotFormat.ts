// How the seeds date and count the pool's lots (seed 000 §XXVIII): "15 November 2021", "as of
// 16 Sep 2021 • 1:53 PM", quantities with three decimals in the reader's locale.
import { formatCredits } from '../../../src-shared/credits/format.ts';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const SHORT = MONTHS.map((m) => m.slice(0, 3));

/** "15 November 2021" for a lot's expiration day (the date as stored, whatever the time zone). */
export function formatLotDate(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  return m ? `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}` : day;
}

/** "16 Sep 2021 • 1:53 PM" in local time, as the portal dates its figures. */
export function formatAsOf(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const h = d.getHours();
  const time = `${h % 12 || 12}:${String(d.getMinutes()).padStart(2, '0')} ${h < 12 ? 'AM' : 'PM'}`;
  return `${d.getDate()} ${SHORT[d.getMonth()]} ${d.getFullYear()} • ${time}`;
}

/** Credits always with three decimals as the seed prints them (20.000), in the reader's locale. */
export function formatLotQuantity(v: number): string {
  return formatCredits(v);
}
