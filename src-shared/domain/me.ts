// The signed-in user's own side as the views show it: organization, products, credits, notices.
import type { OrgRole } from './account.ts';
import type { LicenseView } from './license.ts';

/**
 * The user's access to the organizational cloud credits (docs/sources.md, Portal guide §XXV 6-8).
 */
export interface MyCredits {
  mode: 'disabled' | 'limit' | 'unlimited';
  /** The quota; null unless mode is `limit`. */
  limit: number | null;
  used: number;
  /** What can be spent now: the quota capped by the pool (the administrator: the whole pool). */
  available: number;
  /**
   * As the portal prints it (docs/sources.md, Portal guide §XXV): `20 / 20`, `Unlimited`,
   * `Disabled`.
   */
  label: string;
  /**
   * When the cloud last answered these figures; null when only the replica's quota row is known
   * (offline before the first answer), so `available` is the quota left, not capped by the pool.
   */
  asOf: string | null;
}

export interface MyOrganization {
  id: string;
  name: string;
  role: OrgRole;
  administratorName: string;
  administratorEmail: string;
}

/** What the Products view shows for the signed-in account. */
export interface MeOverview {
  organization: MyOrganization | null;
  /** Licenses the account holds: assigned by its organization, and personal ones. */
  products: LicenseView[];
  /** Organizational credits; null outside an organization. */
  credits: MyCredits | null;
  /** The account's own unexpired cloud credits (for an administrator: the organization's pool). */
  personalCredits: number;
  /** Requests for more credits still waiting in the outbox. */
  pendingCreditRequests: number;
  /** Invitations addressed to the account and not answered yet. */
  pendingInvitations: number;
}

/** Where a notification leads when opened. */
export type NotificationAction =
  { kind: 'invitation'; invitationId: string | null } | { kind: 'organization' } | null;

export interface NotificationView {
  id: string;
  kind: string;
  text: string;
  createdAt: string;
  read: boolean;
  /** Marked read here and not yet confirmed by the cloud. */
  pending: boolean;
  action: NotificationAction;
}

export interface NotificationsList {
  /** Newest first. */
  items: NotificationView[];
  unread: number;
}

/** What marking read answered: the queued change (null when nothing was unread) and how many. */
export interface MarkReadResult {
  mutationId: number | null;
  marked: number;
}
