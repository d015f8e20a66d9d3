// Rules for removing a user from the organization (docs/sources.md, Portal guide §VI–X, docs/requirements.md §3
// Removal).
import * as msg from '../messages.ts';
import { allowed, rejected, type RuleResult } from '../model.ts';

export interface RemovalFacts {
  email: string;
  /** The account is a Member or Guest of this organization. */
  inOrganization: boolean;
  isAdministrator: boolean;
  /** Seats of the organization's purchases assigned to the user. */
  assignedSeats: number;
  /** Seats of the organization's purchases the user has borrowed and not yet returned. */
  borrowedSeats: number;
}

/**
 * Products block removal; cloud-credit access never does (it is disabled on removal). A borrow
 * is named first: revoking is impossible until it ends, so it is the reason the admin must act on.
 */
export function checkRemove(user: RemovalFacts): RuleResult {
  if (user.isAdministrator)
    return rejected('cannot_remove_administrator', msg.CANNOT_REMOVE_ADMINISTRATOR);
  if (!user.inOrganization)
    return rejected('not_organization_user', msg.notAnOrganizationUser(user.email));
  if (user.borrowedSeats > 0) return rejected('borrowed_products', msg.REMOVAL_BORROWED);
  if (user.assignedSeats > 0) return rejected('assigned_products', msg.REMOVAL_ASSIGNED);
  return allowed;
}
