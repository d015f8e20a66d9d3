// The seat service: the pool built from seat sources, and leases decided in SQLite transactions.
import { randomUUID } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import type {
  SeatHistory,
  SeatProductStatus,
  SeatServerIdentity,
  SeatSourceKind,
  SeatStatus,
  SeatSummary,
} from '../../src-shared/bridge/calls/seats.ts';
import { Checkpointer } from './checkpointer.ts';
import { openSeatDb, type SeatDb } from './db.ts';
import { SeatPool, type SeatSource } from './pool.ts';
import { seatMessages } from './protocol.ts';
import type {
  CheckoutInput,
  CheckoutResult,
  HeartbeatResult,
  LeaseOp,
  LeaseOpResult,
  SeatServiceOptions,
} from './types.ts';

export type { SeatSource, SourceSeat } from './pool.ts';

interface LeaseRow {
  lease_id: string;
  product: string;
  client_id: string;
  user: string;
  host: string;
  since: number;
  last_heartbeat: number;
  expires_at: number;
}

const MINUTE = 60_000;
const noIdentity: SeatServerIdentity = {
  account: null,
  cloudUrl: null,
  demo: false,
  poolFetchedAt: null,
};

export class SeatService {
  readonly heartbeatSeconds: number;
  readonly leaseMs: number;
  readonly pool: SeatPool;
  private readonly db: SeatDb;
  private readonly now: () => number;
  private readonly historyDays: number;
  private readonly throttleMs: number;
  private readonly identity: () => SeatServerIdentity;
  private readonly listeners = new Set<(s: SeatSummary) => void>();
  private readonly timers: NodeJS.Timeout[] = [];
  private changeTimer: NodeJS.Timeout | null = null;
  private readonly checkpointer: Checkpointer;
  private closed = false;
  private sampling = false;

  private readonly q: {
    byClient: Statement<[string, string], { lease_id: string; expires_at: number }>;
    countAll: Statement<[string], number>;
    reapProduct: Statement<[string, number]>;
    insert: Statement<[string, string, string, string, string, number, number, number]>;
    extend: Statement<[number, number, string], { product: string; since: number }>;
    extendIfLive: Statement<[number, number, string, number], { product: string; since: number }>;
    remove: Statement<[string]>;
    rankOf: Statement<[string, number, number, number, string], number>;
    reap: Statement<[number]>;
    all: Statement<[], LeaseRow>;
    liveCounts: Statement<[number], { product: string; n: number }>;
    putSample: Statement<[number, string, number, number]>;
    prune: Statement<[number]>;
    samples: Statement<
      [number, number, number],
      { minute: number; product: string; in_use: number; total: number }
    >;
  };
  private readonly grant: (b: CheckoutInput, now: number) => CheckoutResult;
  private readonly batch: (ops: LeaseOp[], now: number) => LeaseOpResult[];

  constructor(opts: SeatServiceOptions) {
    this.now = opts.clock ?? Date.now;
    this.heartbeatSeconds = opts.heartbeatSeconds ?? 60;
    this.leaseMs = this.heartbeatSeconds * (opts.leaseHeartbeats ?? 3) * 1000;
    this.historyDays = opts.historyDays ?? 30;
    this.throttleMs = opts.changeThrottleMs ?? 250;
    this.identity = opts.identity ?? (() => noIdentity);
    this.db = openSeatDb(opts.dataDir);
    this.checkpointer = new Checkpointer(this.db);
    const db = this.db;
    this.q = {
      byClient: db.prepare(
        'SELECT lease_id, expires_at FROM leases WHERE product = ? AND client_id = ?',
      ),
      countAll: db.prepare('SELECT n FROM lease_counts WHERE product = ?').pluck() as Statement<
        [string],
        number
      >,
      reapProduct: db.prepare('DELETE FROM leases WHERE product = ? AND expires_at <= ?'),
      insert: db.prepare(
        'INSERT INTO leases (lease_id, product, client_id, user, host, since, last_heartbeat, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      extend: db.prepare(
        'UPDATE leases SET last_heartbeat = ?, expires_at = ? WHERE lease_id = ? RETURNING product, since',
      ),
      extendIfLive: db.prepare(
        'UPDATE leases SET last_heartbeat = ?, expires_at = ? WHERE lease_id = ? AND expires_at > ? RETURNING product, since',
      ),
      remove: db.prepare('DELETE FROM leases WHERE lease_id = ?'),
      rankOf: db
        .prepare(
          'SELECT count(*) FROM leases WHERE product = ? AND expires_at > ? AND (since < ? OR (since = ? AND lease_id < ?))',
        )
        .pluck() as Statement<[string, number, number, number, string], number>,
      reap: db.prepare('DELETE FROM leases WHERE expires_at <= ?'),
      all: db.prepare('SELECT * FROM leases ORDER BY product, since, lease_id'),
      liveCounts: db.prepare(
        'SELECT product, count(*) AS n FROM leases WHERE expires_at > ? GROUP BY product',
      ),
      putSample: db.prepare(
        'INSERT OR REPLACE INTO history (minute, product, in_use, total) VALUES (?, ?, ?, ?)',
      ),
      prune: db.prepare('DELETE FROM history WHERE minute < ?'),
      samples: db.prepare(
        // Long ranges come back in buckets of `step` minutes, each with its peak use.
        'SELECT (minute / CAST(? AS INTEGER)) * CAST(? AS INTEGER) AS minute, product, max(in_use) AS in_use, max(total) AS total FROM history WHERE minute >= ? GROUP BY 1, product ORDER BY 1',
      ),
    };
    // A grant (own lease back, count, insert) runs inside one IMMEDIATE transaction: it takes
    // the write lock before counting, so even a second process on the same file cannot
    // interleave, and the commit (WAL) happens before the answer is written.
    const one = db.transaction((b: CheckoutInput, now: number) => this.checkoutIn(b, now));
    this.grant = (b, now) => one.immediate(b, now);
    const batch = db.transaction((ops: LeaseOp[], now: number) =>
      ops.map((op) => this.apply(op, now)),
    );
    this.batch = (ops, now) => batch.immediate(ops, now);

    // A new pool is a new line on the chart at once, not a minute later.
    this.pool = new SeatPool(
      db,
      () => {
        if (this.sampling) this.sample();
        this.changed();
      },
      () => this.liveCounts(this.now()),
    );
    this.reap();
    const reapMs = opts.reapIntervalMs ?? 5000;
    if (reapMs > 0) this.timers.push(setInterval(() => this.reap(), reapMs).unref());
    const sampleMs = opts.sampleIntervalMs ?? MINUTE;
    this.sampling = sampleMs > 0;
    if (sampleMs > 0) {
      this.sample();
      this.timers.push(setInterval(() => this.sample(), sampleMs).unref());
    }
  }

  private granted(leaseId: string, product: string, expiresAt: number): CheckoutResult {
    return { ok: true, leaseId, product, expiresAt, heartbeatSeconds: this.heartbeatSeconds };
  }

  addSource(source: SeatSource, kind: SeatSourceKind = 'entitlement'): void {
    this.pool.add(source, kind);
  }

  removeSource(id: string): void {
    this.pool.remove(id);
  }

  checkout(b: CheckoutInput): CheckoutResult {
    if (this.pool.total(b.product) === undefined) return this.unknown(b.product);
    return this.grant(b, this.now());
  }

  heartbeat(leaseId: string): HeartbeatResult {
    return this.heartbeatIn(leaseId, this.now());
  }

  /** Releasing an unknown or already released lease is not an error. */
  release(leaseId: string): { released: boolean } {
    return { released: this.releaseIn(leaseId) };
  }

  /**
   * Group commit: applies many lease changes in ONE transaction and answers each. Every
   * decision still sees the ones before it, so the pool can never be exceeded, and nothing is
   * answered before the commit. A failing change answers its error without undoing the others.
   */
  applyBatch(ops: LeaseOp[]): LeaseOpResult[] {
    return this.batch(ops, this.now());
  }

  private apply(op: LeaseOp, now: number): LeaseOpResult {
    try {
      if (op.kind === 'checkout') return this.checkoutIn(op.body, now);
      if (op.kind === 'heartbeat') return this.heartbeatIn(op.leaseId, now);
      return { ok: true, released: this.releaseIn(op.leaseId) };
    } catch (err) {
      return err instanceof Error ? err : new Error(String(err));
    }
  }

  private checkoutIn(b: CheckoutInput, now: number): CheckoutResult {
    const total = this.pool.total(b.product);
    if (total === undefined) return this.unknown(b.product);
    const expiresAt = now + this.leaseMs;
    const mine = this.q.byClient.get(b.product, b.clientId);
    if (mine) {
      if (mine.expires_at > now) {
        this.q.extend.run(now, expiresAt, mine.lease_id);
        return this.granted(mine.lease_id, b.product, expiresAt);
      }
      this.q.remove.run(mine.lease_id);
    }
    // The trigger-kept row count (live or not yet reaped) is one read; only when it says
    // "full" are the product's expired rows reaped, which updates the count.
    let inUse = this.q.countAll.get(b.product) ?? 0;
    if (inUse >= total && this.q.reapProduct.run(b.product, now).changes > 0)
      inUse = this.q.countAll.get(b.product) ?? 0;
    if (inUse >= total)
      return { ok: false, error: 'no_seat', message: seatMessages.noSeat(b.product, total) };
    const leaseId = randomUUID();
    this.q.insert.run(leaseId, b.product, b.clientId, b.user, b.host, now, now, expiresAt);
    this.changed();
    return this.granted(leaseId, b.product, expiresAt);
  }

  private heartbeatIn(leaseId: string, now: number): HeartbeatResult {
    const expiresAt = now + this.leaseMs;
    const row = this.q.extendIfLive.get(now, expiresAt, leaseId, now);
    if (!row) {
      // Expired but not reaped yet: the seat is gone, so is the row.
      if (this.q.remove.run(leaseId).changes > 0) this.changed();
      return this.expired(leaseId);
    }
    // The pool shrank under live leases (a dongle unplugged): the newest leases beyond the
    // new total end at their next heartbeat.
    if (this.pool.isOversubscribed(row.product)) {
      const total = this.pool.total(row.product) ?? 0;
      const rank = this.q.rankOf.get(row.product, now, row.since, row.since, leaseId);
      if ((rank ?? 0) >= total) {
        this.q.remove.run(leaseId);
        this.changed();
        return this.expired(leaseId);
      }
    }
    return { ok: true, expiresAt };
  }

  private releaseIn(leaseId: string): boolean {
    const released = this.q.remove.run(leaseId).changes > 0;
    if (released) this.changed();
    return released;
  }

  private unknown(product: string): CheckoutResult {
    return { ok: false, error: 'unknown_product', message: seatMessages.unknownProduct(product) };
  }

  private expired(leaseId: string): HeartbeatResult {
    return { ok: false, error: 'lease_expired', message: seatMessages.leaseExpired(leaseId) };
  }

  /** Deletes leases whose heartbeats stopped; answers how many. */
  reap(): number {
    if (this.closed) return 0;
    const n = this.q.reap.run(this.now()).changes;
    if (n > 0) {
      this.pool.recheck();
      this.changed();
    }
    return n;
  }

  private liveCounts(now: number): Map<string, number> {
    const m = new Map<string, number>();
    for (const r of this.q.liveCounts.all(now)) m.set(r.product, r.n);
    return m;
  }

  status(): SeatStatus {
    const now = this.now();
    const byProduct = new Map<string, SeatProductStatus>();
    for (const e of this.pool.entries()) byProduct.set(e.product, { ...e, inUse: 0, leases: [] });
    for (const r of this.q.all.all()) {
      if (r.expires_at <= now) continue;
      let p = byProduct.get(r.product);
      if (!p) {
        p = { product: r.product, name: r.product, total: 0, inUse: 0, sources: [], leases: [] };
        byProduct.set(r.product, p);
      }
      p.inUse++;
      p.leases.push({
        leaseId: r.lease_id,
        clientId: r.client_id,
        user: r.user,
        host: r.host,
        since: iso(r.since),
        lastHeartbeat: iso(r.last_heartbeat),
        expiresAt: iso(r.expires_at),
      });
    }
    return {
      at: iso(now),
      heartbeatSeconds: this.heartbeatSeconds,
      leaseSeconds: this.leaseMs / 1000,
      server: this.identity(),
      products: [...byProduct.values()].sort((a, b) => a.name.localeCompare(b.name)),
    };
  }

  summary(): SeatSummary {
    const now = this.now();
    const counts = this.liveCounts(now);
    return {
      at: iso(now),
      products: this.pool
        .entries()
        .map((e) => ({ product: e.product, total: e.total, inUse: counts.get(e.product) ?? 0 })),
    };
  }

  /** Records in-use per product for the current minute and prunes samples past retention. */
  sample(): void {
    if (this.closed) return;
    const now = this.now();
    const minute = Math.floor(now / MINUTE);
    const counts = this.liveCounts(now);
    this.db.transaction(() => {
      for (const e of this.pool.entries())
        this.q.putSample.run(minute, e.product, counts.get(e.product) ?? 0, e.total);
      this.q.prune.run(minute - this.historyDays * 24 * 60);
    })();
  }

  history(hours = 24): SeatHistory {
    const fromMinute = Math.floor(this.now() / MINUTE) - hours * 60;
    // At most ~1,500 points per line, whatever the range (30 days → 30-minute peaks).
    const step = Math.max(1, Math.ceil((hours * 60) / 1500));
    const rows = this.q.samples.all(step, step, fromMinute);
    const minutes: number[] = [];
    const index = new Map<number, number>();
    for (const r of rows)
      if (!index.has(r.minute)) {
        index.set(r.minute, minutes.length);
        minutes.push(r.minute);
      }
    const names = new Map(this.pool.entries().map((e) => [e.product, e]));
    const series = new Map<string, SeatHistory['products'][number]>();
    for (const r of rows) {
      let s = series.get(r.product);
      if (!s) {
        const e = names.get(r.product);
        s = {
          product: r.product,
          name: e?.name ?? r.product,
          total: e?.total ?? r.total,
          inUse: new Array<number | null>(minutes.length).fill(null),
        };
        series.set(r.product, s);
      }
      s.inUse[index.get(r.minute) as number] = r.in_use;
    }
    return {
      times: minutes.map((m) => m * 60),
      products: [...series.values()].sort((a, b) => a.name.localeCompare(b.name)),
    };
  }

  /** Listens to lease and pool changes, throttled; returns the unsubscribe function. */
  onChanged(listener: (s: SeatSummary) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    if (this.changeTimer || this.listeners.size === 0 || this.closed) return;
    this.changeTimer = setTimeout(() => {
      this.changeTimer = null;
      if (this.closed) return;
      const s = this.summary();
      // Keep this minute's sample current, so the chart's last point matches the bars.
      if (this.sampling) this.sample();
      for (const l of this.listeners) l(s);
    }, this.throttleMs);
  }

  /** Stops the timers and the checkpoint worker, then closes the database (which checkpoints). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const t of this.timers) clearInterval(t);
    if (this.changeTimer) clearTimeout(this.changeTimer);
    this.pool.close();
    await this.checkpointer.close();
    this.db.close();
  }
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
