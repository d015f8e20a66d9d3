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
  // Leases are keyed by (product, client_id): the own-lease-back lookup and the per-product
  // count read one key range, and a heartbeat touches one row in one b-tree.
  `CREATE TABLE leases (
     product TEXT NOT NULL,
     client_id TEXT NOT NULL,
     lease_id TEXT NOT NULL,
     user TEXT NOT NULL,
     host TEXT NOT NULL,
     since INTEGER NOT NULL,
     last_heartbeat INTEGER NOT NULL,
     expires_at INTEGER NOT NULL,
     PRIMARY KEY (product, client_id)
   ) WITHOUT ROWID;
   CREATE UNIQUE INDEX leases_id ON leases(lease_id);
   -- Rows per product (live or not yet reaped), kept by triggers so a grant reads one row
   -- instead of counting every lease of the product.
   CREATE TABLE lease_counts (product TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
   CREATE TRIGGER leases_count_in AFTER INSERT ON leases BEGIN
     INSERT INTO lease_counts (product, n) VALUES (NEW.product, 1)
       ON CONFLICT (product) DO UPDATE SET n = n + 1;
   END;
   CREATE TRIGGER leases_count_out AFTER DELETE ON leases BEGIN
     UPDATE lease_counts SET n = n - 1 WHERE product = OLD.product;
   END;
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
  // Leases that expired (reaped), kept for the revival window so a client whose heartbeats were
  // late gets the same lease back (docs/seat-protocol.md, "Revival"); the chart's denials and
  // queue length per minute.
  `CREATE TABLE dead_leases (
     lease_id TEXT PRIMARY KEY,
     product TEXT NOT NULL,
     client_id TEXT NOT NULL,
     user TEXT NOT NULL,
     host TEXT NOT NULL,
     since INTEGER NOT NULL,
     expires_at INTEGER NOT NULL
   ) WITHOUT ROWID;
   ALTER TABLE history ADD COLUMN denied INTEGER NOT NULL DEFAULT 0;
   ALTER TABLE history ADD COLUMN queued INTEGER NOT NULL DEFAULT 0;`,
];

export const SEAT_DB_FILE = 'seats.sqlite';

export function openSeatDb(dataDir: string): SeatDb {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, SEAT_DB_FILE));
  // Small pages: every lease change appends its pages to the WAL, so smaller pages mean
  // fewer bytes written per commit (only takes effect when the file is created).
  db.pragma('page_size = 1024');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  // Checkpoint every ~4 MB of WAL: bounded file size, few checkpoint pauses on the hot path.
  db.pragma('wal_autocheckpoint = 4000');
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
