// The one date and time formatter of every screen, chart axis and export (issue 18,
// docs/interface.md): the portal's shape (docs/sources.md, Portal guide §XXVIII) "2 Dec 2026" and
// "2 Dec 2026 • 1:45 PM", with the month's name and the clock (12 or 24 hours) of the user's
// locale; ages as "12 minutes ago".

import { plural } from './plural.ts';

const DAY = 24 * 60 * 60 * 1000;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

interface CalendarDate {
  year: number;
  month: number; // 0-11
  day: number;
}

/**
 * The calendar day a value names. A bare "2026-12-20" is that day everywhere (parsing it as
 * UTC midnight would show the day before west of Greenwich); a timestamp is read in local time.
 */
function calendarDate(iso: string): CalendarDate | null {
  const m = DATE_ONLY.exec(iso);
  if (m) return { year: Number(m[1]), month: Number(m[2]) - 1, day: Number(m[3]) };
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return null;
  return { year: d.getFullYear(), month: d.getMonth(), day: d.getDate() };
}

// The user's locale (undefined = the browser's or the system's).
const monthNames = new Intl.DateTimeFormat(undefined, { month: 'short', timeZone: 'UTC' });
const MONTHS = Array.from({ length: 12 }, (_, m) =>
  monthNames.format(new Date(Date.UTC(2000, m, 15))),
);
const clock = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });

/** "20 Dec 2026". */
export function formatDate(iso: string): string {
  const c = calendarDate(iso);
  return c ? `${c.day} ${MONTHS[c.month]} ${c.year}` : iso;
}

/** "20 Dec" — a chart's axis, where the year is the caption's. */
export function formatDay(iso: string): string {
  const c = calendarDate(iso);
  return c ? `${c.day} ${MONTHS[c.month]}` : iso;
}

/** "1:45 PM" or "13:45", as the user's locale tells time. */
export function formatTime(iso: string): string {
  const d = new Date(iso);
  // ICU puts a narrow no-break space before AM/PM; a plain space reads and searches the same.
  return Number.isNaN(d.getTime()) ? iso : clock.format(d).replace(/\u202f/g, ' ');
}

/** "20 Dec 2026 • 1:45 PM" in local time. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${formatDate(iso)} • ${formatTime(iso)}`;
}

/** "just now", "3 minutes ago", "2 hours ago", "4 days ago". */
export function formatAge(iso: string, now: number): string {
  const ms = now - new Date(iso).getTime();
  if (Number.isNaN(ms)) return 'at an unknown time';
  const minutes = Math.floor(ms / 60000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${plural(minutes, 'minute')} ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${plural(hours, 'hour')} ago`;
  return `${plural(Math.floor(hours / 24), 'day')} ago`;
}

/** Whole calendar days from today until the date (negative once past). */
export function daysUntil(iso: string, now: number): number {
  const end = calendarDate(iso);
  if (!end) return Number.NaN;
  const today = new Date(now);
  const a = Date.UTC(end.year, end.month, end.day);
  const b = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
  return Math.round((a - b) / DAY);
}

export { plural };
