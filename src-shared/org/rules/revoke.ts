// Rules for revoking a product from a user (docs/sources.md, Portal guide §XIX–XXIII): identical
// products go together.
import type { OrgUserRow } from '../../domain/org.ts';
import * as msg from '../messages.ts';
import { allowed, isLockedTerm, rejected, type RuleResult } from '../model.ts';

export interface RevokeContext {
  email: string;
  inOrganization: boolean;
  productName: string;
  /** Every assignment of this product to the user: they are revoked together. */
  assignments: readonly { term: string; seats: number; borrowedSeats: number }[];
}

export function checkRevoke(ctx: RevokeContext): RuleResult {
  if (!ctx.inOrganization)
    return rejected('not_organization_user', msg.notAnOrganizationUser(ctx.email));
  if (ctx.assignments.length === 0)
    return rejected('nothing_to_revoke', msg.nothingToRevoke(ctx.email, ctx.productName));
  if (ctx.assignments.some((a) => isLockedTerm(a.term)))
    return rejected('trial_beta_locked', msg.TRIAL_BETA_LOCKED);
  if (ctx.assignments.some((a) => a.borrowedSeats > 0))
    return rejected('borrowed_license', msg.borrowedLicense(ctx.email));
  return allowed;
}

/**
 * A user's row as the list shows it once the revoke is queued: every license of the product gone
 * and the row pending — the row the core answers with (test/sync/data-changed.test.ts), painted
 * by the screen in the click's own task instead of after the answer.
 */
export function revokedRow(row: OrgUserRow, productCode: string): OrgUserRow {
  return {
    ...row,
    pending: true,
    products: row.products.filter((p) => p.productCode !== productCode),
  };
}
