// Opens the license server's own SQLite file (seats.sqlite), separate from the replica so lease
// churn never contends with sync. WAL + synchronous=NORMAL: a committed lease survives a
// process kill (the WAL is in the OS page cache); only an OS crash or power loss can lose the
// last commits.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export type SeatDb = Database.Database;

/** Numbered migrations; PRAGMA user_version records how many ran. */
const migrations: string[] = [
  `CREATE TABLE leases (
     lease_id TEXT PRIMARY KEY,
     product TEXT NOT NULL,
     client_id TEXT NOT NULL,
     user TEXT NOT NULL,
     host TEXT NOT NULL,
     since INTEGER NOT NULL,
     last_heartbeat INTEGER NOT NULL,
     expires_at INTEGER NOT NULL
   ) WITHOUT ROWID;
   CREATE UNIQUE INDEX leases_client ON leases(client_id, product);
   CREATE INDEX leases_product_expiry ON leases(product, expires_at);
   CREATE INDEX leases_expiry ON leases(expires_at);
   CREATE TABLE history (
     minute INTEGER NOT NULL,
     product TEXT NOT NULL,
     in_use INTEGER NOT NULL,
     total INTEGER NOT NULL,
     PRIMARY KEY (minute, product)
   ) WITHOUT ROWID;
   CREATE TABLE pool_cache (
     source TEXT NOT NULL,
     kind TEXT NOT NULL,
     product TEXT NOT NULL,
     name TEXT NOT NULL,
     total INTEGER NOT NULL,
     PRIMARY KEY (source, product)
   ) WITHOUT ROWID;
   CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;`,
];

export const SEAT_DB_FILE = 'seats.sqlite';

export function openSeatDb(dataDir: string): SeatDb {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, SEAT_DB_FILE));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  // Keep checkpoints small and frequent so the WAL never grows under a storm.
  db.pragma('wal_autocheckpoint = 1000');
  migrate(db);
  return db;
}

function migrate(db: SeatDb): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  for (let i = version; i < migrations.length; i++) {
    db.transaction(() => {
      db.exec(migrations[i] as string);
      db.pragma(`user_version = ${i + 1}`);
    })();
  }
}
