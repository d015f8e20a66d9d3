// The organization's vocabulary shared by cloud and desktop: roles, statuses, credit access, rule results.

export type MemberRole = 'member' | 'guest';
export type InvitationStatus = 'pending' | 'accepted' | 'declined' | 'cancelled';

/** Per-user access to the organizational credit pool (docs/sources.md, Portal guide §XXV). */
export type CreditAccess =
  { mode: 'disabled' } | { mode: 'limit'; limit: number } | { mode: 'unlimited' };

/** The quotas the "Update Cloud Credit Access" dialog offers besides Disabled, Unlimited and custom. */
export const CREDIT_PRESETS = [20, 50, 100, 1000] as const;

/**
 * Terms that are never an organization's to assign or revoke (docs/sources.md, Portal guide §I).
 */
export const LOCKED_TERMS = ['trial', 'beta'] as const;

export function isLockedTerm(term: string): boolean {
  return (LOCKED_TERMS as readonly string[]).includes(term);
}

/** Stable codes of rule rejections; the message is for people, the code for programs. */
export type OrgRuleCode =
  | 'user_not_found'
  | 'not_eligible_as_member'
  | 'cannot_invite_yourself'
  | 'already_in_organization'
  | 'in_another_organization'
  | 'invitation_pending'
  | 'invitation_not_found'
  | 'invitation_not_pending'
  | 'invitation_not_for_you'
  | 'not_organization_user'
  | 'cannot_remove_administrator'
  | 'assigned_products'
  | 'borrowed_products'
  | 'borrowed_license'
  | 'trial_beta_locked'
  | 'purchase_not_found'
  | 'purchase_expired'
  | 'no_free_seats'
  | 'not_enough_to_reallocate'
  | 'same_user'
  | 'nothing_to_revoke'
  | 'guest_has_personal_credits'
  | 'invalid_credit_limit'
  | 'not_administrator'
  | 'not_in_organization'
  | 'members_cannot_purchase'
  | 'guest_uses_org_credits'
  | 'notification_not_found';

export type RuleResult = { ok: true } | { ok: false; code: OrgRuleCode; message: string };

export const allowed: RuleResult = { ok: true };

export function rejected(code: OrgRuleCode, message: string): RuleResult {
  return { ok: false, code, message };
}

/** Codes that mean "the thing named does not exist", answered as 404 over REST. */
export const NOT_FOUND_CODES: readonly OrgRuleCode[] = [
  'user_not_found',
  'invitation_not_found',
  'purchase_not_found',
  'notification_not_found',
];

/** Codes that mean "you may not do this", answered as 403 over REST. */
export const FORBIDDEN_CODES: readonly OrgRuleCode[] = [
  'not_administrator',
  'not_in_organization',
  'invitation_not_for_you',
];

/** The HTTP status a rule rejection is answered with when it is the whole answer of a route. */
export function statusOf(code: string): number {
  if ((NOT_FOUND_CODES as readonly string[]).includes(code)) return 404;
  if ((FORBIDDEN_CODES as readonly string[]).includes(code)) return 403;
  return 409;
}

/** A purchase as the rules see it. */
export interface PurchaseFacts {
  term: string;
  /** ISO date or time; null for perpetual. */
  expiresAt: string | null;
}

/** True when the purchase is still running at `now` (ISO). */
export function isActive(p: PurchaseFacts, now: string): boolean {
  return p.expiresAt === null || p.expiresAt > now;
}

/**
 * docs/sources.md, Portal guide §IV: "Users with personal purchases (trials/betas not considered as
 * such)". A purchase counts while it is active and is not a trial or beta.
 */
export function hasPersonalPurchases(purchases: readonly PurchaseFacts[], now: string): boolean {
  return purchases.some((p) => !isLockedTerm(p.term) && isActive(p, now));
}
