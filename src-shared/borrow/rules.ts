// Borrowing (docs/requirements.md §7, docs/activation.md "Borrows"): the limits a borrow must fit and the words of
// each refusal, as pure functions the cloud decides with and the app pre-checks with.

export const DAY_MS = 24 * 3600_000;
/** A borrow lasts 1…30 days unless the product's own maximum says otherwise (docs/requirements.md §7). */
export const MIN_BORROW_DAYS = 1;
export const MAX_BORROW_DAYS = 30;

/** The administrator's borrowing rules of one product (FlexNet BORROW_LOWWATER and kin). */
export interface BorrowPolicy {
  /** Seats of the product that can never be borrowed. */
  floor: number;
  /** Seats one user may have borrowed at once; null: no limit beyond the seats. */
  userMax: number | null;
  /** The longest borrow of the product, in days. */
  maxDays: number;
}

export const defaultPolicy: BorrowPolicy = { floor: 0, userMax: null, maxDays: MAX_BORROW_DAYS };

export type BorrowRefusalCode =
  'borrow_days' | 'borrow_no_license' | 'borrow_no_seat' | 'borrow_floor' | 'borrow_user_max';

export interface BorrowFacts {
  productName: string;
  days: number;
  policy: BorrowPolicy;
  /** The organization's (or owner's) seats of the product in all. */
  total: number;
  /** Of those, borrowed now by anyone. */
  borrowedNow: number;
  /** Seats of the product this account may use (its share), and how many it borrowed. */
  share: number;
  userBorrowed: number;
  /** True when this machine already holds a borrow of the product: borrowing again extends it. */
  extending: boolean;
}

const seats = (n: number) => `${n} ${n === 1 ? 'seat' : 'seats'}`;

export const borrowMessages = {
  days: (days: number, max: number) =>
    `A borrow lasts ${MIN_BORROW_DAYS} to ${max} days; ${days} is outside that.`,
  noLicense: (name: string) =>
    `You have no floating license of ${name} to borrow: it is not assigned to you.`,
  noSeat: (name: string, share: number) =>
    `All ${seats(share)} of ${name} you may use are already borrowed; return one first.`,
  floor: (name: string, total: number, floor: number, borrowed: number) =>
    `Borrowing refused by the floor rule: the administrator keeps ${seats(floor)} of the ${total} of ${name} for online use, and the other ${seats(total - floor)} ${total - floor === 1 ? 'is' : 'are'} already borrowed (${borrowed}).`,
  userMax: (name: string, max: number) =>
    `Borrowing refused by the per-user maximum: one user may borrow ${seats(max)} of ${name} at a time, and you already have ${max === 1 ? 'it' : 'them'}.`,
};

/** Why a borrow is refused, by which rule, or null when it may be made (or extended). */
export function borrowRefusal(f: BorrowFacts): { code: BorrowRefusalCode; message: string } | null {
  const max = Math.min(f.policy.maxDays, MAX_BORROW_DAYS) || MAX_BORROW_DAYS;
  if (!Number.isInteger(f.days) || f.days < MIN_BORROW_DAYS || f.days > max)
    return { code: 'borrow_days', message: borrowMessages.days(f.days, max) };
  if (f.extending) return null;
  if (f.share <= 0)
    return { code: 'borrow_no_license', message: borrowMessages.noLicense(f.productName) };
  if (f.borrowedNow + 1 > f.total - f.policy.floor)
    return {
      code: 'borrow_floor',
      message: borrowMessages.floor(f.productName, f.total, f.policy.floor, f.borrowedNow),
    };
  if (f.policy.userMax !== null && f.userBorrowed + 1 > f.policy.userMax)
    return {
      code: 'borrow_user_max',
      message: borrowMessages.userMax(f.productName, f.policy.userMax),
    };
  if (f.userBorrowed + 1 > f.share)
    return { code: 'borrow_no_seat', message: borrowMessages.noSeat(f.productName, f.share) };
  return null;
}

/** The new end of a borrow made (or extended) now for `days`: never earlier than the old end. */
export function borrowUntil(now: number, days: number, current?: number): number {
  return Math.max(now + days * DAY_MS, current ?? 0);
}

/** Whole days left, rounded up ("2 days left" until the last day, then "1 day left"). */
export function daysLeft(until: number, now: number): number {
  return Math.max(0, Math.ceil((until - now) / DAY_MS));
}

export function daysLeftText(until: number, now: number): string {
  if (until <= now) return 'expired';
  const d = daysLeft(until, now);
  return `${d} ${d === 1 ? 'day' : 'days'} left`;
}

/** The reminders before a borrow ends (docs/requirements.md §7): 3 days and 1 day before. */
export const REMINDER_DAYS = [3, 1] as const;

/** The reminder due now (the nearest threshold passed and not yet sent), or null. */
export function reminderDue(until: number, now: number, sent: readonly number[]): number | null {
  if (until <= now) return null;
  const due = REMINDER_DAYS.filter((d) => until - now <= d * DAY_MS);
  const nearest = due.at(-1);
  return nearest !== undefined && !sent.includes(nearest) ? nearest : null;
}

export const reminderText = (productName: string, days: number, untilText: string) =>
  `Your borrowed license of ${productName} returns in ${days === 1 ? '1 day' : `${days} days`} (${untilText}). Borrow it again before then to keep working offline, or release it for online use.`;
