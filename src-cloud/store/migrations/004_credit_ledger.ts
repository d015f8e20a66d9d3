// Migration 004: the credit ledger (every movement of a lot: purchase, charge, refund, expiry),
// the simulated render farm's jobs, and the administrator's low-pool alert (docs/credits.md).
// Both ledger and jobs are in the change feed, tracked like migration 002's tables.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { dialectOf } from '../postgres.ts';
import { trackTable } from './feed-tracking-pg.ts';

type AnyDB = Kysely<Record<string, never>>;

const tracked = [
  {
    table: 'credit_ledger',
    feed: 'creditLedger',
    org: '(SELECT id FROM organizations WHERE administrator_id = OLD.owner_id)',
    account: 'OLD.user_id',
  },
  {
    table: 'render_jobs',
    feed: 'renderJobs',
    org: 'OLD.organization_id',
    account: 'OLD.account_id',
  },
];

export async function up(db: AnyDB): Promise<void> {
  await sql`CREATE TABLE credit_ledger (
    id TEXT PRIMARY KEY,
    owner_id TEXT NOT NULL REFERENCES accounts(id),
    lot_id TEXT NOT NULL REFERENCES credit_lots(id),
    kind TEXT NOT NULL CHECK (kind IN ('purchase', 'charge', 'refund', 'expiry')),
    amount_milli INTEGER NOT NULL,
    user_id TEXT,
    job_id TEXT,
    at TEXT NOT NULL,
    seq INTEGER NOT NULL DEFAULT 0
  )`.execute(db);
  await sql`CREATE INDEX credit_ledger_owner ON credit_ledger (owner_id, seq)`.execute(db);
  await sql`CREATE INDEX credit_ledger_user ON credit_ledger (user_id, seq)`.execute(db);
  await sql`CREATE INDEX credit_ledger_job ON credit_ledger (job_id)`.execute(db);
  await sql`CREATE TABLE render_jobs (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts(id),
    organization_id TEXT,
    owner_id TEXT NOT NULL REFERENCES accounts(id),
    source TEXT NOT NULL CHECK (source IN ('organization', 'personal')),
    scene TEXT NOT NULL,
    size_bytes INTEGER NOT NULL,
    frames INTEGER NOT NULL,
    estimate_milli INTEGER NOT NULL,
    cost_milli INTEGER,
    status TEXT NOT NULL CHECK (status IN ('rendering', 'done', 'cancelled')),
    submitted_at TEXT NOT NULL,
    ends_at TEXT NOT NULL,
    ended_at TEXT,
    seq INTEGER NOT NULL DEFAULT 0
  )`.execute(db);
  await sql`CREATE INDEX render_jobs_running ON render_jobs (status, ends_at)`.execute(db);
  await sql`CREATE INDEX render_jobs_account ON render_jobs (account_id, seq)`.execute(db);
  await sql`CREATE INDEX render_jobs_org ON render_jobs (organization_id, seq)`.execute(db);
  await sql`CREATE TABLE credit_alerts (
    organization_id TEXT PRIMARY KEY,
    threshold_milli INTEGER NOT NULL,
    below INTEGER NOT NULL DEFAULT 0
  )`.execute(db);

  const pg = dialectOf(db) === 'postgres';
  const next = sql.raw(`UPDATE sync_state SET seq = seq + 1 WHERE id = 1;`);
  for (const t of tracked) {
    if (pg) {
      await trackTable(db, { ...t, key: 'OLD.id' });
      continue;
    }
    const stamp = sql.raw(
      `UPDATE ${t.table} SET seq = (SELECT seq FROM sync_state WHERE id = 1) WHERE rowid = NEW.rowid;`,
    );
    await sql`CREATE TRIGGER ${sql.raw(`${t.table}_seq_insert`)} AFTER INSERT ON ${sql.raw(t.table)}
      BEGIN ${next} ${stamp} END`.execute(db);
    await sql`CREATE TRIGGER ${sql.raw(`${t.table}_seq_update`)} AFTER UPDATE ON ${sql.raw(t.table)}
      WHEN NEW.seq = OLD.seq BEGIN ${next} ${stamp} END`.execute(db);
    const tomb = sql.raw(
      `INSERT INTO sync_tombstones (seq, feed, row_key, organization_id, account_id, deleted_at)
       VALUES ((SELECT seq FROM sync_state WHERE id = 1), '${t.feed}', OLD.id, ${t.org}, ${t.account},
               strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));`,
    );
    await sql`CREATE TRIGGER ${sql.raw(`${t.table}_tombstone`)} AFTER DELETE ON ${sql.raw(t.table)}
      BEGIN ${next} ${tomb} END`.execute(db);
  }

  // Lots bought before the ledger existed become a purchase row, and what was already used of
  // them one charge row, both at the lot's purchase time, so replay gives today's balance.
  await sql`INSERT INTO credit_ledger (id, owner_id, lot_id, kind, amount_milli, user_id, job_id, at)
    SELECT 'led_' || id || '_p', account_id, id, 'purchase', amount_milli, NULL, NULL, purchased_at
    FROM credit_lots`.execute(db);
  await sql`INSERT INTO credit_ledger (id, owner_id, lot_id, kind, amount_milli, user_id, job_id, at)
    SELECT 'led_' || id || '_u', account_id, id, 'charge', remaining_milli - amount_milli, NULL, NULL, purchased_at
    FROM credit_lots WHERE remaining_milli < amount_milli`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('The cloud store only migrates forward.');
}
