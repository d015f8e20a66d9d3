// The Organization's activity log and credit pool as the admin views show them.
import { auditOperations, type AuditOperation } from '../cloud-api/org.ts';

export type ActivityOutcome = 'accepted' | 'rejected' | 'partial';

/** One operation of the cloud's audit log, in words a person reads. */
export interface ActivityEntry {
  id: number;
  /** ISO time the cloud applied (or refused) it. */
  at: string;
  actorEmail: string;
  /** The actor's name when the replica knows the account. */
  actorName: string | null;
  operation: string;
  /** e.g. "Updated cloud credit access". */
  operationLabel: string;
  /** Whom or what it concerned, e.g. "marco.rossi@northwind.example". */
  target: string;
  /** What was set or moved, when the entry says, e.g. "50 credits" or "V-Ray for Maya". */
  detail: string | null;
  outcome: ActivityOutcome;
  /** Why it was refused, whole or in part. */
  reason: string | null;
}

export interface ActivityPage {
  entries: ActivityEntry[];
  /** Pass as `before` for the next older page; null when this page is the last. */
  nextBefore: number | null;
}

/** The credit pool's remaining credits expiring on one day (null: no expiration date). */
export interface CreditLotGroup {
  expiresAt: string | null;
  quantity: number;
}

/**
 * The organizational pool as the Portal guide §XXVIII (docs/sources.md) shows it: lots by
 * expiration date and the total.
 */
export interface CreditLotsView {
  /** Earliest expiration first, then the lots without one. */
  lots: CreditLotGroup[];
  total: number;
  /** The time of the figures: the last sync (null before the first). */
  asOf: string | null;
}

const LABELS: Record<string, string> = {
  invite: 'Invited users',
  inviteBatch: 'Invited users (bulk)',
  resendInvitation: 'Resent an invitation',
  cancelInvitation: 'Cancelled an invitation',
  acceptInvitation: 'Accepted an invitation',
  declineInvitation: 'Declined an invitation',
  removeUsers: 'Removed users',
  assignProduct: 'Assigned products',
  assignProducts: 'Assigned products (bulk)',
  revokeProduct: 'Revoked products',
  revokeProducts: 'Revoked products (bulk)',
  setCreditAccess: 'Updated cloud credit access',
  requestCredits: 'Requested more cloud credits',
  confirmOrganization: 'Organization confirmed',
};

/** The human name of an operation; one added later reads from its name ("markRead" → "Mark read"). */
export function operationLabel(operation: string): string {
  const known = LABELS[operation];
  if (known) return known;
  const words = operation.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The operations the filter offers, in the order people think of them. */
export const activityOperations: { operation: AuditOperation; label: string }[] = [
  ...auditOperations,
]
  .map((operation) => ({ operation, label: operationLabel(operation) }))
  .sort((a, b) => a.label.localeCompare(b.label));
