// Migration 002: change tracking for the pull feed (a global sequence, a `seq` per row, tombstones),
// stored mutation outcomes per client, the audit log and the mail outbox of notifications.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { dialectOf } from '../postgres.ts';
import { createFeedFunctions, trackTable } from './feed-tracking-pg.ts';

type AnyDB = Kysely<Record<string, never>>;

/**
 * Tracked tables, with the SQL that names a deleted row's key, organization and account, so a
 * tombstone can be shown to the organization's administrator and to the user it concerned.
 */
const tracked: Array<{ table: string; feed: string; key: string; org: string; account: string }> = [
  {
    table: 'organizations',
    feed: 'organization',
    key: 'OLD.id',
    org: 'OLD.id',
    account: 'OLD.administrator_id',
  },
  {
    table: 'memberships',
    feed: 'users',
    key: 'OLD.account_id',
    org: 'OLD.organization_id',
    account: 'OLD.account_id',
  },
  {
    table: 'invitations',
    feed: 'invitations',
    key: 'OLD.id',
    org: 'OLD.organization_id',
    account: 'NULL',
  },
  {
    table: 'assignments',
    feed: 'assignments',
    key: 'OLD.id',
    org: 'OLD.organization_id',
    account: 'OLD.account_id',
  },
  {
    table: 'purchases',
    feed: 'purchases',
    key: 'OLD.id',
    org: '(SELECT id FROM organizations WHERE administrator_id = OLD.account_id)',
    account: 'OLD.account_id',
  },
  {
    table: 'credit_access',
    feed: 'creditAccess',
    key: 'OLD.account_id',
    org: 'OLD.organization_id',
    account: 'OLD.account_id',
  },
  {
    table: 'borrows',
    feed: 'borrows',
    key: 'OLD.id',
    org: '(SELECT o.id FROM organizations o JOIN purchases p ON p.account_id = o.administrator_id WHERE p.id = OLD.purchase_id)',
    account: 'OLD.account_id',
  },
  {
    table: 'notifications',
    feed: 'notifications',
    key: 'OLD.id',
    org: 'NULL',
    account: 'OLD.account_id',
  },
  {
    table: 'credit_lots',
    feed: 'creditLots',
    key: 'OLD.id',
    org: '(SELECT id FROM organizations WHERE administrator_id = OLD.account_id)',
    account: 'OLD.account_id',
  },
];

export async function up(db: AnyDB): Promise<void> {
  // One row: the last sequence number handed out, and the compaction horizon (tombstones at or
  // below it are gone, so a cursor below it must reset).
  await sql`CREATE TABLE sync_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    seq INTEGER NOT NULL,
    horizon INTEGER NOT NULL
  )`.execute(db);
  await sql`INSERT INTO sync_state (id, seq, horizon) VALUES (1, 0, 0)`.execute(db);
  await sql`CREATE TABLE sync_tombstones (
    seq INTEGER PRIMARY KEY,
    feed TEXT NOT NULL,
    row_key TEXT NOT NULL,
    organization_id TEXT,
    account_id TEXT,
    deleted_at TEXT NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX sync_tombstones_org ON sync_tombstones (organization_id, seq)`.execute(db);
  await sql`CREATE INDEX sync_tombstones_account ON sync_tombstones (account_id, seq)`.execute(db);

  // PostgreSQL has no SQLite trigger bodies: its own form tracks the same tables the same way.
  const pg = dialectOf(db) === 'postgres';
  if (pg) await createFeedFunctions(db);
  const next = sql.raw(`UPDATE sync_state SET seq = seq + 1 WHERE id = 1;`);
  for (const t of tracked) {
    const table = sql.raw(t.table);
    await sql`ALTER TABLE ${table} ADD COLUMN seq INTEGER NOT NULL DEFAULT 0`.execute(db);
    await sql`UPDATE ${table} SET seq = 0`.execute(db);
    if (pg) {
      await trackTable(db, t);
      continue;
    }
    const stamp = sql.raw(
      `UPDATE ${t.table} SET seq = (SELECT seq FROM sync_state WHERE id = 1) WHERE rowid = NEW.rowid;`,
    );
    await sql`CREATE TRIGGER ${sql.raw(`${t.table}_seq_insert`)} AFTER INSERT ON ${table}
      BEGIN ${next} ${stamp} END`.execute(db);
    // The stamp itself changes seq, so it does not fire this again.
    await sql`CREATE TRIGGER ${sql.raw(`${t.table}_seq_update`)} AFTER UPDATE ON ${table}
      WHEN NEW.seq = OLD.seq BEGIN ${next} ${stamp} END`.execute(db);
    const tomb = sql.raw(
      `INSERT INTO sync_tombstones (seq, feed, row_key, organization_id, account_id, deleted_at)
       VALUES ((SELECT seq FROM sync_state WHERE id = 1), '${t.feed}', ${t.key}, ${t.org}, ${t.account},
               strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));`,
    );
    await sql`CREATE TRIGGER ${sql.raw(`${t.table}_tombstone`)} AFTER DELETE ON ${table}
      BEGIN ${next} ${tomb} END`.execute(db);
  }
  await sql`CREATE INDEX assignments_org_seq ON assignments (organization_id, seq)`.execute(db);
  await sql`CREATE INDEX assignments_account_seq ON assignments (account_id, seq)`.execute(db);
  await sql`CREATE INDEX memberships_org_seq ON memberships (organization_id, seq)`.execute(db);
  await sql`CREATE INDEX invitations_org_seq ON invitations (organization_id, seq)`.execute(db);
  await sql`CREATE INDEX invitations_email_status ON invitations (email, status)`.execute(db);
  await sql`CREATE INDEX credit_access_account ON credit_access (account_id)`.execute(db);
  await sql`CREATE INDEX borrows_purchase ON borrows (purchase_id)`.execute(db);
  await sql`CREATE INDEX assignments_purchase ON assignments (purchase_id)`.execute(db);

  // Notifications may carry a link the app opens, e.g. clm://invite/<id>.
  await sql`ALTER TABLE notifications ADD COLUMN link TEXT`.execute(db);

  await sql`CREATE TABLE sync_clients (
    client_id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts(id),
    last_mutation_id INTEGER NOT NULL,
    updated_at TEXT NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX sync_clients_account ON sync_clients (account_id)`.execute(db);
  await sql`CREATE TABLE sync_mutations (
    client_id TEXT NOT NULL,
    mutation_id INTEGER NOT NULL,
    name TEXT NOT NULL,
    status TEXT NOT NULL,
    result TEXT NOT NULL,
    applied_at TEXT NOT NULL,
    PRIMARY KEY (client_id, mutation_id)
  )`.execute(db);

  await sql`CREATE TABLE audit_log (
    id ${sql.raw(pg ? 'SERIAL PRIMARY KEY' : 'INTEGER PRIMARY KEY AUTOINCREMENT')},
    organization_id TEXT,
    actor_id TEXT NOT NULL,
    actor_email TEXT NOT NULL,
    operation TEXT NOT NULL,
    target TEXT NOT NULL,
    outcome TEXT NOT NULL,
    code TEXT,
    reason TEXT,
    via TEXT NOT NULL,
    at TEXT NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX audit_log_org ON audit_log (organization_id, id)`.execute(db);

  await sql`CREATE TABLE mail_outbox (
    id TEXT PRIMARY KEY,
    notification_id TEXT,
    to_email TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    html TEXT,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    created_at TEXT NOT NULL,
    sent_at TEXT
  )`.execute(db);
  await sql`CREATE INDEX mail_outbox_status ON mail_outbox (status, created_at)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('The cloud store only migrates forward.');
}
