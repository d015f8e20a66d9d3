// Kysely types of migration 004's tables (the credit ledger, render jobs, low-pool alerts) and
// the store typed with them.
import type { Generated, Kysely, Transaction } from 'kysely';
import type { OrgDB, OrgStore } from '../org/tables.ts';

export type LedgerKind = 'purchase' | 'charge' | 'refund' | 'expiry';

/** One movement of a lot, in thousandths: positive for purchase and refund, negative otherwise. */
export interface CreditLedgerTable {
  id: string;
  /** Whose lots: the organization's administrator (the pool) or a user's personal credits. */
  owner_id: string;
  lot_id: string;
  kind: LedgerKind;
  amount_milli: number;
  /** Who spent (charge, refund); null for purchases, expiries and use before the ledger existed. */
  user_id: string | null;
  job_id: string | null;
  at: string;
  /** The feed's sequence, stamped by migration 004's triggers: the order rows were written. */
  seq: Generated<number>;
}

export type JobStatus = 'rendering' | 'done' | 'cancelled';

export interface RenderJobsTable {
  id: string;
  account_id: string;
  organization_id: string | null;
  owner_id: string;
  source: 'organization' | 'personal';
  scene: string;
  size_bytes: number;
  frames: number;
  estimate_milli: number;
  cost_milli: number | null;
  status: JobStatus;
  submitted_at: string;
  ends_at: string;
  ended_at: string | null;
  seq: Generated<number>;
}

export interface CreditAlertsTable {
  organization_id: string;
  threshold_milli: number;
  /** 1 once the administrator was told the pool fell below; 0 again when it rises above. */
  below: number;
}

export interface CreditDB extends OrgDB {
  credit_ledger: CreditLedgerTable;
  render_jobs: RenderJobsTable;
  credit_alerts: CreditAlertsTable;
}

export type CreditStore = Kysely<CreditDB>;
export type CreditTx = Transaction<CreditDB>;

export function creditStore(db: OrgStore): CreditStore {
  return db as unknown as CreditStore;
}
