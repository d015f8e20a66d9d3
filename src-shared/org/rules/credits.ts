// Rules for organizational cloud-credit access, quotas and requests (docs/sources.md, Portal guide
// §I, §XXV–XXVI).
import * as msg from '../messages.ts';
import { allowed, rejected, type CreditAccess, type RuleResult } from '../model.ts';

/** The largest custom quota accepted; a larger figure is almost certainly a typing slip. */
export const MAX_CREDIT_LIMIT = 1_000_000_000;

export interface CreditAccessContext {
  email: string;
  inOrganization: boolean;
  role: 'member' | 'guest' | null;
  /** Personal credits that are neither expired nor consumed. */
  hasActivePersonalCredits: boolean;
}

export function checkSetCreditAccess(ctx: CreditAccessContext, access: CreditAccess): RuleResult {
  if (!ctx.inOrganization)
    return rejected('not_organization_user', msg.notAnOrganizationUser(ctx.email));
  if (
    access.mode === 'limit' &&
    !(Number.isFinite(access.limit) && access.limit > 0 && access.limit <= MAX_CREDIT_LIMIT)
  )
    return rejected('invalid_credit_limit', msg.INVALID_CREDIT_LIMIT);
  // Guests consume from one pool at a time.
  if (access.mode !== 'disabled' && ctx.role === 'guest' && ctx.hasActivePersonalCredits)
    return rejected('guest_has_personal_credits', msg.GUEST_HAS_PERSONAL_CREDITS);
  return allowed;
}

/** Members and guests can ask their administrator for more credits; nobody else has one. */
export function checkRequestCredits(role: 'administrator' | 'member' | 'guest' | null): RuleResult {
  if (role !== 'member' && role !== 'guest')
    return rejected('not_in_organization', msg.NOT_IN_AN_ORGANIZATION);
  return allowed;
}

/** Buying personal credits: members never; guests only while organizational access is off. */
export function checkPersonalCreditPurchase(
  role: 'administrator' | 'member' | 'guest' | null,
  access: CreditAccess,
): RuleResult {
  if (role === 'member') return rejected('members_cannot_purchase', msg.MEMBERS_CANNOT_PURCHASE);
  if (role === 'guest' && access.mode !== 'disabled')
    return rejected('guest_uses_org_credits', msg.GUEST_DISABLE_ORG_ACCESS_TO_BUY);
  return allowed;
}

/**
 * What a user can still spend: the quota is a cap on the pool, not a reservation, so it is the
 * smaller of what is left of the quota and what the pool holds (docs/sources.md, Portal guide §I
 * "Cloud Credit quota").
 */
export function availableCredits(access: CreditAccess, used: number, poolBalance: number): number {
  const pool = Math.max(0, poolBalance);
  if (access.mode === 'disabled') return 0;
  if (access.mode === 'unlimited') return round3(pool);
  return round3(Math.max(0, Math.min(access.limit - used, pool)));
}

/**
 * The list's "available / limit" text (docs/sources.md, Portal guide §XXV), e.g. `20 / 20`,
 * `Disabled`, `Unlimited`.
 */
export function creditAccessLabel(access: CreditAccess, used: number, poolBalance: number): string {
  if (access.mode === 'disabled') return 'Disabled';
  if (access.mode === 'unlimited') return 'Unlimited';
  return `${formatCredits(availableCredits(access, used, poolBalance))} / ${formatCredits(access.limit)}`;
}

function round3(v: number): number {
  return Math.round(v * 1000) / 1000;
}

function formatCredits(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toFixed(3);
}
