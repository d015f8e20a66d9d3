// Kysely types of the tables migration 002 adds for the organization: feed tracking, stored
// mutation outcomes, audit log and mail outbox; and the store typed with them.
import type { Kysely, Transaction } from 'kysely';
import type { CloudDB } from '../store/tables.ts';

export interface SyncStateTable {
  id: number;
  seq: number;
  horizon: number;
}

export interface SyncTombstonesTable {
  seq: number;
  feed: string;
  row_key: string;
  organization_id: string | null;
  account_id: string | null;
  deleted_at: string;
}

export interface SyncClientsTable {
  client_id: string;
  account_id: string;
  last_mutation_id: number;
  updated_at: string;
}

export interface SyncMutationsTable {
  client_id: string;
  mutation_id: number;
  name: string;
  status: 'accepted' | 'rejected';
  /** The stored outcome as JSON, answered again for a repeated id. */
  result: string;
  applied_at: string;
}

export interface AuditLogTable {
  id: number | undefined;
  organization_id: string | null;
  actor_id: string;
  actor_email: string;
  operation: string;
  target: string;
  outcome: 'accepted' | 'rejected' | 'partial';
  code: string | null;
  reason: string | null;
  via: 'rest' | 'mutation' | 'cli';
  at: string;
}

export interface MailOutboxTable {
  id: string;
  notification_id: string | null;
  to_email: string;
  subject: string;
  body: string;
  html: string | null;
  /** `sending`: claimed by one node's mailer (org/mailer.ts). */
  status: 'pending' | 'sending' | 'sent' | 'failed';
  attempts: number;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

export interface OrgDB extends Omit<CloudDB, 'notifications'> {
  notifications: CloudDB['notifications'] & { link: string | null };
  sync_state: SyncStateTable;
  sync_tombstones: SyncTombstonesTable;
  sync_clients: SyncClientsTable;
  sync_mutations: SyncMutationsTable;
  audit_log: AuditLogTable;
  mail_outbox: MailOutboxTable;
}

export type OrgStore = Kysely<OrgDB>;
export type OrgTx = Transaction<OrgDB>;

/** The cloud store seen with the organization's tables (same connection, wider types). */
export function orgStore(db: Kysely<CloudDB>): OrgStore {
  return db as unknown as OrgStore;
}
