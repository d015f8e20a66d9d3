// The seat service's state and what it reports: the pool, the lease statements, the queue,
// the counters, usage log and alerts, the status, metrics and history, change events. The
// lease decisions are in service.ts, which extends it.
import type {
  SeatHistory,
  SeatServerIdentity,
  SeatSourceKind,
  SeatStatus,
  SeatSummary,
  SeatAlertView,
} from '../../src-shared/bridge/calls/seats.ts';
import type { SeatRules } from '../../src-shared/seats/rules.ts';
import { SeatAccess } from './access.ts';
import { SeatAlerts } from './alerts.ts';
import { Checkpointer } from './checkpointer.ts';
import { HistoryStore, MINUTE } from './history.ts';
import { renderMetrics, SeatCounters } from './metrics.ts';
import { SeatQueue, type Waiter } from './queue.ts';
import { type LeaseStatements, openUsageLog, prepareLeaseStatements } from './statements.ts';
import { iso, statusOf } from './status-view.ts';
import type { UsageEvent, UsageLog } from './usage-log.ts';
import { openSeatDb, type SeatDb } from './db.ts';
import { SeatPool, type SeatSource } from './pool.ts';
import { seatMessages } from './protocol.ts';
import type { CheckoutResult, HeartbeatResult, SeatServiceOptions } from './types.ts';

/** A clock that moves back this much, or forward this much more than expected, is logged. */
const JUMP_MS = 5 * MINUTE;
const noIdentity: SeatServerIdentity = {
  account: null,
  cloudUrl: null,
  demo: false,
  poolFetchedAt: null,
};
export abstract class SeatServiceCore {
  readonly heartbeatSeconds: number;
  readonly leaseMs: number;
  readonly pool: SeatPool;
  readonly queue: SeatQueue;
  readonly counters = new SeatCounters();
  protected readonly db: SeatDb;
  protected readonly now: () => number;
  protected readonly reviveMs: number;
  protected readonly maxWaitMs: number;
  protected readonly throttleMs: number;
  protected readonly identity: () => SeatServerIdentity;
  protected readonly listeners = new Set<(s: SeatSummary) => void>();
  protected readonly grantListeners = new Set<(w: Waiter, now: number) => void>();
  protected readonly alertListeners = new Set<(a: SeatAlertView) => void>();
  protected readonly alerts = new SeatAlerts();
  protected readonly timers: NodeJS.Timeout[] = [];
  protected changeTimer: NodeJS.Timeout | null = null;
  protected readonly checkpointer: Checkpointer;
  protected readonly access: SeatAccess;
  protected readonly historyStore: HistoryStore;
  readonly usage: UsageLog;
  protected lastNow: number | null = null;
  protected closed = false;
  protected sampling = false;

  protected readonly q: LeaseStatements;

  constructor(opts: SeatServiceOptions) {
    this.now = opts.clock ?? Date.now;
    this.heartbeatSeconds = opts.heartbeatSeconds ?? 60;
    this.leaseMs = this.heartbeatSeconds * (opts.leaseHeartbeats ?? 3) * 1000;
    this.reviveMs = (opts.reviveSeconds ?? 0) * 1000;
    this.maxWaitMs = (opts.maxWaitSeconds ?? 86_400) * 1000;
    this.throttleMs = opts.changeThrottleMs ?? 250;
    this.identity = opts.identity ?? (() => noIdentity);
    this.db = openSeatDb(opts.dataDir);
    this.checkpointer = new Checkpointer(this.db);
    this.queue = new SeatQueue(this.leaseMs);
    const db = this.db;
    this.access = new SeatAccess(db);
    this.historyStore = new HistoryStore(db, opts.historyDays ?? 30);
    this.usage = openUsageLog(db, opts.dataDir, this.now, opts.usageLogMaxBytes);
    this.q = prepareLeaseStatements(db);
    // A new pool is a new line on the chart at once, not a minute later.
    this.pool = new SeatPool(
      db,
      () => {
        if (this.sampling) this.sample();
        this.changed();
      },
      () => this.liveCounts(this.now()),
    );
  }

  protected granted(leaseId: string, product: string, expiresAt: number): CheckoutResult {
    return { ok: true, leaseId, product, expiresAt, heartbeatSeconds: this.heartbeatSeconds };
  }

  addSource(source: SeatSource, kind: SeatSourceKind = 'entitlement'): void {
    this.pool.add(source, kind);
  }

  removeSource(id: string): void {
    this.pool.remove(id);
  }

  get rules(): SeatRules {
    return this.access.rules;
  }

  protected log(e: UsageEvent): void {
    this.usage.append(e);
  }

  protected alertIfDue(product: string, now: number): void {
    if (this.access.rules.rules.length === 0) return;
    const total = this.pool.total(product) ?? 0;
    const a = this.alerts.check(
      this.access.rules,
      product,
      this.q.countAll.get(product) ?? 0,
      total,
      now,
    );
    if (!a) return;
    this.log({ kind: 'alert', product, reason: a.message });
    for (const l of this.alertListeners) l(a);
  }

  /** Listens to usage alerts (at most one per product an hour). */
  onAlert(listener: (a: SeatAlertView) => void): () => void {
    this.alertListeners.add(listener);
    return () => this.alertListeners.delete(listener);
  }

  /** Listens to grants to waiters (the benchmark measures release → grant). */
  onQueueGrant(listener: (w: Waiter, now: number) => void): () => void {
    this.grantListeners.add(listener);
    return () => this.grantListeners.delete(listener);
  }

  /**
   * Why a product's seats are held back now (borrowed seats under the clock guard, issue 13), or
   * null: a checkout that finds no seat says so with 409, not that the product is unknown.
   */
  suspension: ((product: string) => string | null) | null = null;
  /** Run with the clock's time before each batch of lease decisions (the borrows' expiry). */
  readonly clockHooks = new Set<(now: number) => void>();

  protected unknown(product: string): CheckoutResult {
    const held = this.suspension?.(product);
    if (held) return { ok: false, error: 'no_seat', message: held };
    return { ok: false, error: 'unknown_product', message: seatMessages.unknownProduct(product) };
  }

  protected expired(leaseId: string): HeartbeatResult {
    return { ok: false, error: 'lease_expired', message: seatMessages.leaseExpired(leaseId) };
  }

  /** Logs a clock that went back, or jumped forward far past the reaper's period. */
  protected tick(now: number): void {
    for (const hook of this.clockHooks) hook(now);
    const last = this.lastNow;
    this.lastNow = now;
    if (last === null) return;
    if (now < last - 1000 || now - last > JUMP_MS)
      this.log({
        kind: 'clock_jump',
        reason: `${now - last > 0 ? '+' : ''}${Math.round((now - last) / 1000)} s`,
      });
  }

  protected liveCounts(now: number): Map<string, number> {
    const m = new Map<string, number>();
    for (const r of this.q.liveCounts.all(now)) m.set(r.product, r.n);
    return m;
  }

  status(): SeatStatus {
    return statusOf(this.now(), this.q.all.all(), this.pool.entries(), this.queue, {
      heartbeatSeconds: this.heartbeatSeconds,
      leaseSeconds: this.leaseMs / 1000,
      server: this.identity(),
      alerts: this.alerts.recent(),
    });
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

  /** The Prometheus text of GET /metrics. */
  metrics(): string {
    const counts = this.liveCounts(this.now());
    const gauges = this.pool.entries().map((e) => ({
      product: e.product,
      total: e.total,
      inUse: counts.get(e.product) ?? 0,
      queued: this.queue.size(e.product),
    }));
    return renderMetrics(gauges, this.counters);
  }

  /** Records this minute's use, denials and queue per product; prunes past retention. */
  sample(): void {
    if (this.closed) return;
    const now = this.now();
    const denied = this.counters.deniedSinceSample;
    this.counters.deniedSinceSample = new Map();
    this.historyStore.sample(
      this.pool.entries(),
      { inUse: this.liveCounts(now), denied, queued: (p) => this.queue.size(p) },
      now,
    );
  }

  history(hours = 24): SeatHistory {
    return this.historyStore.history(hours, this.pool.entries(), this.now());
  }

  /** Listens to lease and pool changes, throttled; returns the unsubscribe function. */
  onChanged(listener: (s: SeatSummary) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  protected changed(): void {
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
    this.usage.flush();
    this.pool.close();
    await this.checkpointer.close();
    this.db.close();
  }
}
