// Auto-renewal windows (docs/sources.md, Account management "Enable or Disable Auto-Renewal"):
// disabling is possible until 30 days (annual) or 7 days (monthly) before the renewal date;
// enabling until 1 day before. Time is an input: callers pass the clock's now (docs/time.md).

export const DAY_MS = 86_400_000;

/** The payment label of a renewable subscription when the account has no saved card. */
export const NO_CARD_LABEL = 'No payment method saved';

export type RenewTerm = 'annual' | 'monthly';

/** The last whole days before renewal at which each change is still possible. */
export const DISABLE_UNTIL_DAYS: Record<RenewTerm, number> = { annual: 30, monthly: 7 };
export const ENABLE_UNTIL_DAYS = 1;

/** Whole days from now to the renewal date (floor; 0 on its last day, negative after it). */
export function daysUntil(renewsAtMs: number, nowMs: number): number {
  return Math.floor((renewsAtMs - nowMs) / DAY_MS);
}

export function isRenewable(term: string): term is RenewTerm {
  return term === 'annual' || term === 'monthly';
}

export interface RenewalControl {
  /** Whether the button that flips the current state can be used now. */
  canChange: boolean;
  /** Why not, in words for the person looking at the disabled control. */
  reason: string | null;
  daysLeft: number;
}

export const autoRenewMessages = {
  notRenewable: 'This product does not renew: it has no auto-renewal.',
  expired: 'This subscription has expired. Buy it again from Expired products.',
  disableClosed: (term: RenewTerm) =>
    `Auto-renewal can be disabled until ${DISABLE_UNTIL_DAYS[term]} days before the renewal date (${term} subscription); this one renews sooner.`,
  enableClosed: 'Auto-renewal can be enabled until 1 day before the renewal date.',
} as const;

/**
 * May the subscription's auto-renewal be switched from `autoRenew` to the other state now?
 * "If the subscription renews within the next 30/7 days, the disable button will not be available
 * anymore": so disabling needs more than 30 (7) whole days left; enabling at least 1.
 */
export function autoRenewControl(
  term: string,
  autoRenew: boolean,
  renewsAtMs: number | null,
  nowMs: number,
): RenewalControl {
  if (!isRenewable(term) || renewsAtMs === null)
    return { canChange: false, reason: autoRenewMessages.notRenewable, daysLeft: 0 };
  const daysLeft = daysUntil(renewsAtMs, nowMs);
  if (renewsAtMs <= nowMs) return { canChange: false, reason: autoRenewMessages.expired, daysLeft };
  if (autoRenew)
    return daysLeft > DISABLE_UNTIL_DAYS[term]
      ? { canChange: true, reason: null, daysLeft }
      : { canChange: false, reason: autoRenewMessages.disableClosed(term), daysLeft };
  return daysLeft >= ENABLE_UNTIL_DAYS
    ? { canChange: true, reason: null, daysLeft }
    : { canChange: false, reason: autoRenewMessages.enableClosed, daysLeft };
}
