// The replica's schema, as numbered migrations applied in order and recorded in PRAGMA user_version.
import type { Database } from 'better-sqlite3';

/** Index i holds migration number i+1. Never edit one that shipped; add a new one. */
export const migrations: string[] = [
  // 1: the signed-in account's snapshot from the cloud.
  `
  CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  ) STRICT;
  CREATE TABLE account (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    country TEXT NOT NULL,
    customer_number TEXT NOT NULL
  ) STRICT;
  CREATE TABLE organization (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    administrator_name TEXT NOT NULL,
    administrator_email TEXT NOT NULL
  ) STRICT;
  CREATE TABLE products (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    license_type TEXT NOT NULL
  ) STRICT;
  CREATE TABLE licenses (
    id TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    product_code TEXT NOT NULL,
    product_name TEXT NOT NULL,
    license_type TEXT NOT NULL,
    term TEXT NOT NULL,
    quantity INTEGER NOT NULL,
    expires_at TEXT,
    source TEXT NOT NULL,
    in_use INTEGER
  ) STRICT;
  CREATE TABLE server_pool (
    product_code TEXT PRIMARY KEY,
    product_name TEXT NOT NULL,
    license_type TEXT NOT NULL,
    total INTEGER NOT NULL
  ) STRICT;
  `,
  // 2: the organization's change feed (rows as the cloud sends them), the outbox of admin
  // mutations and their optimistic effects, kept apart so a rejection undoes exactly its own.
  `
  CREATE TABLE feed_rows (
    tbl TEXT NOT NULL,
    key TEXT NOT NULL,
    ref TEXT,
    data TEXT NOT NULL,
    PRIMARY KEY (tbl, key)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX feed_rows_ref ON feed_rows (tbl, ref) WHERE ref IS NOT NULL;
  CREATE TABLE outbox (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    args TEXT NOT NULL,
    description TEXT NOT NULL,
    created_at TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'failed')),
    code TEXT,
    message TEXT,
    answered_at TEXT
  ) STRICT;
  CREATE TABLE optimistic (
    mutation_id INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    tbl TEXT NOT NULL,
    key TEXT NOT NULL,
    data TEXT,
    PRIMARY KEY (mutation_id, seq)
  ) STRICT;
  `,
  // 3: the cloud's answer to each sent change, kept after the outbox forgets it, so the result
  // screens can name every item the cloud refused (bounded: see OrgStore.recordAnswers).
  `
  CREATE TABLE change_results (
    mutation_id INTEGER PRIMARY KEY,
    status TEXT NOT NULL CHECK (status IN ('accepted', 'rejected')),
    code TEXT,
    message TEXT,
    failed TEXT NOT NULL,
    answered_at TEXT NOT NULL
  ) STRICT;
  `,
];

/** Brings the database to the newest schema; each step runs in its own transaction. */
export function migrate(db: Database): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > migrations.length) {
    throw new Error(
      `The replica was written by a newer version of the app (schema ${current}, this app knows ${migrations.length})`,
    );
  }
  for (let v = current; v < migrations.length; v++) {
    const sql = migrations[v] as string;
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
  return migrations.length;
}
