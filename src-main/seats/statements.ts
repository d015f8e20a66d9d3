// The seat service's prepared SQL (leases, their counts, the revival window's dead leases) and
// the usage log bound to seats.sqlite's meta row that keeps its newest hash.
import type { Statement } from 'better-sqlite3';
import type { SeatDb } from './db.ts';
import { UsageLog, type UsageHead } from './usage-log.ts';

export interface LeaseRow {
  lease_id: string;
  product: string;
  client_id: string;
  user: string;
  host: string;
  since: number;
  last_heartbeat: number;
  expires_at: number;
}

export interface LeaseStatements {
  byClient: Statement<[string, string], { lease_id: string; expires_at: number }>;
  countAll: Statement<[string], number>;
  reapProduct: Statement<[string, number], LeaseRow>;
  insert: Statement<[string, string, string, string, string, number, number, number]>;
  extend: Statement<[number, number, string], { product: string; since: number }>;
  extendIfLive: Statement<[number, number, string, number], { product: string; since: number }>;
  remove: Statement<[string], LeaseRow>;
  rankOf: Statement<[string, number, number, number, string], number>;
  reap: Statement<[number], LeaseRow>;
  all: Statement<[], LeaseRow>;
  liveCounts: Statement<[number], { product: string; n: number }>;
  bury: Statement<[string, string, string, string, string, number, number]>;
  dead: Statement<[string], LeaseRow>;
  unbury: Statement<[string]>;
  pruneDead: Statement<[number]>;
}

export function prepareLeaseStatements(db: SeatDb): LeaseStatements {
  return {
    byClient: db.prepare(
      'SELECT lease_id, expires_at FROM leases WHERE product = ? AND client_id = ?',
    ),
    countAll: db.prepare('SELECT n FROM lease_counts WHERE product = ?').pluck() as Statement<
      [string],
      number
    >,
    reapProduct: db.prepare('DELETE FROM leases WHERE product = ? AND expires_at <= ? RETURNING *'),
    insert: db.prepare(
      'INSERT INTO leases (lease_id, product, client_id, user, host, since, last_heartbeat, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    extend: db.prepare(
      'UPDATE leases SET last_heartbeat = ?, expires_at = ? WHERE lease_id = ? RETURNING product, since',
    ),
    extendIfLive: db.prepare(
      'UPDATE leases SET last_heartbeat = ?, expires_at = ? WHERE lease_id = ? AND expires_at > ? RETURNING product, since',
    ),
    remove: db.prepare('DELETE FROM leases WHERE lease_id = ? RETURNING *'),
    rankOf: db
      .prepare(
        'SELECT count(*) FROM leases WHERE product = ? AND expires_at > ? AND (since < ? OR (since = ? AND lease_id < ?))',
      )
      .pluck() as Statement<[string, number, number, number, string], number>,
    reap: db.prepare('DELETE FROM leases WHERE expires_at <= ? RETURNING *'),
    all: db.prepare('SELECT * FROM leases ORDER BY product, since, lease_id'),
    liveCounts: db.prepare(
      'SELECT product, count(*) AS n FROM leases WHERE expires_at > ? GROUP BY product',
    ),
    bury: db.prepare(
      'INSERT OR REPLACE INTO dead_leases (lease_id, product, client_id, user, host, since, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    dead: db.prepare('SELECT *, expires_at AS last_heartbeat FROM dead_leases WHERE lease_id = ?'),
    unbury: db.prepare('DELETE FROM dead_leases WHERE lease_id = ?'),
    pruneDead: db.prepare('DELETE FROM dead_leases WHERE expires_at < ?'),
  };
}

export function openUsageLog(
  db: SeatDb,
  dataDir: string,
  clock: () => number,
  maxBytes?: number,
): UsageLog {
  const head = db.prepare('SELECT value FROM meta WHERE key = ?').pluck() as Statement<
    [string],
    string
  >;
  const putHead = db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('usage_head', ?)");
  return new UsageLog(
    dataDir,
    clock,
    {
      get: () => {
        const v = head.get('usage_head');
        return v ? (JSON.parse(v) as UsageHead) : undefined;
      },
      put: (h) => putHead.run(JSON.stringify(h)),
    },
    maxBytes,
  );
}
