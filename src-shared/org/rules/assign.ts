// Rules for allocating seats of an organization purchase to a user (docs/sources.md, Portal guide
// §XII–XVI, §XXIII).
import * as msg from '../messages.ts';
import { allowed, isActive, isLockedTerm, rejected, type RuleResult } from '../model.ts';

export interface AssignPurchaseFacts {
  productName: string;
  term: string;
  expiresAt: string | null;
  quantity: number;
  /** Seats of this purchase assigned to anyone. */
  assignedSeats: number;
}

export interface SourceUserFacts {
  accountId: string;
  email: string;
  inOrganization: boolean;
  /** Seats of this purchase assigned to the source user. */
  assignedSeats: number;
  /** Of those, seats the source user has borrowed for offline use. */
  borrowedSeats: number;
}

export interface AssignContext {
  target: { accountId: string; email: string; inOrganization: boolean };
  /** null when the purchase is not the organization's. */
  purchase: AssignPurchaseFacts | null;
  quantity: number;
  /** The user to re-allocate seats from when every seat is taken. */
  from: SourceUserFacts | null;
  now: string;
}

/** How many of `quantity` seats come from free seats and how many from the source user. */
export function splitSeats(
  quantity: number,
  purchase: Pick<AssignPurchaseFacts, 'quantity' | 'assignedSeats'>,
): { fromFree: number; fromUser: number } {
  const free = Math.max(0, purchase.quantity - purchase.assignedSeats);
  const fromFree = Math.min(quantity, free);
  return { fromFree, fromUser: quantity - fromFree };
}

export function checkAssign(ctx: AssignContext): RuleResult {
  const { target, purchase, from } = ctx;
  if (!target.inOrganization)
    return rejected('not_organization_user', msg.notAnOrganizationUser(target.email));
  if (!purchase) return rejected('purchase_not_found', msg.PURCHASE_NOT_FOUND);
  if (isLockedTerm(purchase.term)) return rejected('trial_beta_locked', msg.TRIAL_BETA_LOCKED);
  if (!isActive(purchase, ctx.now))
    return rejected('purchase_expired', msg.purchaseExpired(purchase.productName));
  const { fromUser } = splitSeats(ctx.quantity, purchase);
  if (fromUser === 0) return allowed;
  if (!from)
    return rejected(
      'no_free_seats',
      msg.noFreeSeats(
        purchase.productName,
        Math.max(0, purchase.quantity - purchase.assignedSeats),
      ),
    );
  if (from.accountId === target.accountId)
    return rejected('same_user', msg.CANNOT_REALLOCATE_TO_SAME_USER);
  if (!from.inOrganization)
    return rejected('not_organization_user', msg.notAnOrganizationUser(from.email));
  if (from.borrowedSeats > 0 && from.assignedSeats - from.borrowedSeats < fromUser)
    return rejected('borrowed_license', msg.borrowedLicense(from.email));
  if (from.assignedSeats < fromUser)
    return rejected(
      'not_enough_to_reallocate',
      msg.notEnoughToReallocate(from.email, purchase.productName),
    );
  return allowed;
}
