// Kysely table types of the cloud store; one interface per table, columns as SQLite holds them.
import type { ActivationTables } from '../activation/tables.ts';
/** ISO-8601 UTC timestamps are stored as text; booleans as 0/1. */
type Time = string;
type Flag = number;

export interface AccountsTable {
  id: string;
  name: string;
  country: string;
  /** Lower-cased; unique. */
  email: string;
  customer_number: string;
  /** `scrypt$N$r$p$salt$hash`, base64 salt and hash. */
  password_hash: string;
  created_at: Time;
  password_changed_at: Time | null;
}

export interface RefreshTokensTable {
  id: string;
  account_id: string;
  /** Every token descended from one sign-in shares a family; reuse revokes the family. */
  family_id: string;
  /** SHA-256 (hex) of the token; the token itself is never stored. */
  token_hash: string;
  created_at: Time;
  expires_at: Time;
  /** Set when the token was traded for a new one. */
  rotated_at: Time | null;
  revoked_at: Time | null;
}

export interface ProductsTable {
  code: string;
  name: string;
  license_type: 'workstation' | 'render-node';
  sort_order: number;
}

export type Term = 'annual' | 'monthly' | 'perpetual' | 'nfr' | 'trial' | 'beta' | 'edu';

export interface PurchasesTable {
  id: string;
  /** Owner. An organization's seats are the purchases of its administrator. */
  account_id: string;
  product_code: string;
  quantity: number;
  term: Term;
  purchased_at: Time;
  activated_at: Time | null;
  /** Null for perpetual licenses. */
  expires_at: Time | null;
  auto_renew: Flag;
}

export interface OrganizationsTable {
  id: string;
  name: string;
  administrator_id: string;
  customer_number: string;
  confirmed: Flag;
  created_at: Time;
}

export interface MembershipsTable {
  organization_id: string;
  /** Unique: an account belongs to at most one organization. */
  account_id: string;
  role: 'member' | 'guest';
  joined_at: Time;
}

export type InvitationStatus = 'pending' | 'accepted' | 'declined' | 'cancelled';

export interface InvitationsTable {
  id: string;
  organization_id: string;
  email: string;
  role: 'member' | 'guest';
  status: InvitationStatus;
  created_at: Time;
  updated_at: Time;
}

export interface AssignmentsTable {
  id: string;
  organization_id: string;
  purchase_id: string;
  account_id: string;
  quantity: number;
  assigned_at: Time;
}

/** Credits are kept in thousandths (three decimals, §9) as integers. */
export interface CreditLotsTable {
  id: string;
  /** The organization's administrator for the organization pool, or a user's personal credits. */
  account_id: string;
  amount_milli: number;
  remaining_milli: number;
  purchased_at: Time;
  expires_at: Time | null;
}

export interface CreditAccessTable {
  organization_id: string;
  account_id: string;
  mode: 'disabled' | 'limit' | 'unlimited';
  limit_milli: number | null;
  used_milli: number;
  updated_at: Time;
}

export interface BorrowsTable {
  id: string;
  account_id: string;
  purchase_id: string;
  product_code: string;
  quantity: number;
  borrowed_at: Time;
  until: Time;
  returned_at: Time | null;
  /** The machine it is bound to, its name and the signed borrow (migration 008; null when seeded). */
  fingerprint?: string | null;
  machine?: string | null;
  document?: string | null;
}

/** An administrator's borrowing rules of a product (migration 008, src-shared/borrow/rules.ts). */
export interface BorrowPoliciesTable {
  owner_id: string;
  product_code: string;
  floor: number;
  user_max: number | null;
  max_days: number;
}

export interface InvoicesTable {
  id: string;
  account_id: string;
  number: string;
  status: 'paid' | 'unpaid';
  issued_at: Time;
  due_at: Time | null;
  /** Minor units (cents). */
  amount_cents: number;
  currency: string;
  description: string;
}

export interface NotificationsTable {
  id: string;
  account_id: string;
  kind: string;
  text: string;
  created_at: Time;
  read_at: Time | null;
  /** A link the app opens (migration 002), e.g. an invitation's prompt. */
  link?: string | null;
}

export interface ServerMetaTable {
  key: string;
  value: string;
}

export interface CloudDB extends ActivationTables {
  accounts: AccountsTable;
  refresh_tokens: RefreshTokensTable;
  products: ProductsTable;
  purchases: PurchasesTable;
  organizations: OrganizationsTable;
  memberships: MembershipsTable;
  invitations: InvitationsTable;
  assignments: AssignmentsTable;
  credit_lots: CreditLotsTable;
  credit_access: CreditAccessTable;
  borrows: BorrowsTable;
  borrow_policies: BorrowPoliciesTable;
  invoices: InvoicesTable;
  notifications: NotificationsTable;
  server_meta: ServerMetaTable;
}
