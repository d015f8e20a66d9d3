// The organization as the admin views read it from the replica, optimistic changes included.
import type { CreditAccess, InvitationStatus, MemberRole } from '../org/model.ts';

export interface OrgUserProduct {
  productCode: string;
  productName: string;
  purchaseId: string;
  quantity: number;
  /** Seats of it the user has borrowed for offline use. */
  borrowed: number;
  /** The latest end of those borrows (issue 13: "Borrowed until …"), when there are any. */
  borrowedUntil?: string | null;
  /** Made here and not yet confirmed by the cloud. */
  pending: boolean;
}

export interface OrgUserRow {
  id: string;
  email: string;
  name: string;
  role: MemberRole;
  joinedAt: string;
  products: OrgUserProduct[];
  creditAccess: CreditAccess & { used: number; available: number; label: string };
  /** A change of this user is waiting in the outbox. */
  pending: boolean;
}

export interface OrgUsersPage {
  organization: { id: string; name: string } | null;
  /** The organizational credit pool's balance. */
  poolBalance: number;
  /** Users matching the filter, before paging. */
  total: number;
  /** Users in the organization, whatever the filter. */
  all: number;
  page: number;
  pageSize: number;
  users: OrgUserRow[];
}

export interface OrgInvitationRow {
  id: string;
  email: string;
  role: MemberRole;
  status: InvitationStatus;
  organizationName: string;
  invitedBy: string;
  createdAt: string;
  /** When the invitation was last sent: its creation, or its latest Resend (the date shown). */
  sentAt: string;
  /** Sent from here and not yet confirmed by the cloud. */
  pending: boolean;
}

export interface OrgPurchaseRow {
  id: string;
  productCode: string;
  productName: string;
  term: string;
  quantity: number;
  assigned: number;
  expiresAt: string | null;
}

/** What an admin operation answers: it is queued; `failed` lists items the pre-check refused. */
export interface QueuedChange {
  mutationId: number;
  pending: number;
  failed: { key: string; email?: string; code: string; message: string }[];
  /**
   * The rows of the users the change names, as the list now shows them (pending effects laid
   * over), when they are few: the screen paints the optimistic row with the answer itself.
   */
  users?: OrgUserRow[];
}

/**
 * Where one queued change stands, as the result screens of bulk operations show it: still in the
 * outbox, accepted by the cloud (possibly with items it refused), or rejected whole.
 */
export interface ChangeResult {
  mutationId: number;
  state: 'pending' | 'accepted' | 'rejected';
  /** Why the cloud rejected the whole change. */
  code?: string;
  message?: string;
  /** Items of an accepted batch the cloud refused, with its reason per item. */
  failed: QueuedChange['failed'];
}
