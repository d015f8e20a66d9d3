// The seat service's lease decisions, each in a SQLite transaction: checkout (own lease back,
// access rules, the queue), heartbeat (and revival), release, expiry. Its state and reports
// are in service-core.ts.
import { priorityOf, type SeatRules, type Who } from '../../src-shared/seats/rules.ts';
import { newLeaseId } from './lease-id.ts';
import { MINUTE } from './history.ts';
import { seatMessages } from './protocol.ts';
import type { Waiter } from './queue.ts';
import { SeatServiceCore } from './service-core.ts';
import type { LeaseRow } from './statements.ts';
import type {
  CheckoutInput,
  CheckoutResult,
  HeartbeatResult,
  LeaseOp,
  LeaseOpResult,
  SeatServiceOptions,
} from './types.ts';

export type { SeatSource, SourceSeat } from './pool.ts';

export class SeatService extends SeatServiceCore {
  private readonly grant: (b: CheckoutInput, now: number) => CheckoutResult;
  private readonly batch: (ops: LeaseOp[], now: number) => LeaseOpResult[];

  constructor(opts: SeatServiceOptions) {
    super(opts);
    const db = this.db;
    // A grant (own lease back, count, insert) runs inside one IMMEDIATE transaction: it takes
    // the write lock before counting, so even a second process on the same file cannot
    // interleave, and the commit (WAL) happens before the answer is written.
    const one = db.transaction((b: CheckoutInput, now: number) => this.checkoutIn(b, now));
    this.grant = (b, now) => one.immediate(b, now);
    const batch = db.transaction((ops: LeaseOp[], now: number) =>
      ops.map((op) => this.apply(op, now)),
    );
    this.batch = (ops, now) => batch.immediate(ops, now);

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

  /** Replaces the access rules (already validated); waiters are served under the new ones. */
  setRules(rules: SeatRules): void {
    this.access.rules = rules;
    this.queue.reprioritize((w) =>
      priorityOf(rules, { user: w.body.user, host: w.body.host, address: w.body.address ?? '' }),
    );
    this.serveAll();
    this.changed();
  }

  checkout(b: CheckoutInput): CheckoutResult {
    const now = this.now();
    for (const hook of this.clockHooks) hook(now);
    if (this.pool.total(b.product) === undefined) return this.unknown(b.product);
    return this.grant(b, now);
  }

  heartbeat(leaseId: string): HeartbeatResult {
    return this.applyBatch([{ kind: 'heartbeat', leaseId }])[0] as HeartbeatResult;
  }

  /** Releasing an unknown or already released lease (or a queue place) is not an error. */
  release(leaseId: string): { released: boolean } {
    const r = this.applyBatch([{ kind: 'release', leaseId }])[0];
    return { released: !!r && !(r instanceof Error) && 'released' in r && r.released };
  }

  /**
   * Group commit: applies many lease changes in ONE transaction and answers each. Every
   * decision still sees the ones before it, so the pool can never be exceeded, and nothing is
   * answered before the commit. A failing change answers its error without undoing the others.
   */
  applyBatch(ops: LeaseOp[]): LeaseOpResult[] {
    const now = this.now();
    this.tick(now);
    return this.batch(ops, now);
  }

  private apply(op: LeaseOp, now: number): LeaseOpResult {
    try {
      if (op.kind === 'checkout') return this.checkoutIn(op.body, now);
      if (op.kind === 'heartbeat') return this.heartbeatIn(op.leaseId, now);
      return { ok: true, released: this.releaseIn(op.leaseId, now) };
    } catch (err) {
      return err instanceof Error ? err : new Error(String(err));
    }
  }

  private refuse(
    b: CheckoutInput,
    error: 'no_seat' | 'denied',
    message: string,
    rule?: number,
  ): CheckoutResult {
    this.counters.deny(b.product);
    this.log({ kind: 'refusal', product: b.product, user: b.user, host: b.host, reason: message });
    if (error === 'denied') return { ok: false, error, message, rule: rule ?? 0 };
    return rule === undefined ? { ok: false, error, message } : { ok: false, error, message, rule };
  }

  private checkoutIn(b: CheckoutInput, now: number): CheckoutResult {
    const total = this.pool.total(b.product);
    if (total === undefined) return this.unknown(b.product);
    const who: Who = { user: b.user, host: b.host, address: b.address ?? '' };
    const denied = this.access.refused(b.product, who);
    if (denied) return this.refuse(b, 'denied', denied.message, denied.rule);
    // Waiters first: a seat freed since (an expiry) goes to the head of the queue.
    if (this.queue.size(b.product) > 0) this.serveQueue(b.product, now);
    const expiresAt = now + this.leaseMs;
    const mine = this.q.byClient.get(b.product, b.clientId);
    if (mine) {
      if (mine.expires_at > now) {
        this.q.extend.run(now, expiresAt, mine.lease_id);
        return this.granted(mine.lease_id, b.product, expiresAt);
      }
      this.expire(this.q.remove.all(mine.lease_id));
    }
    const waiter = this.queue.find(b.product, b.clientId);
    const waitMs = Math.min(Math.max(0, b.wait ?? 0) * 1000, this.maxWaitMs);
    if (waiter) {
      this.queue.seen(waiter, waitMs, now);
      return this.queued(waiter);
    }
    const no = this.cannotTake(b.product, who, total, now);
    if (!no) return this.insert(b, now);
    if (waitMs > 0) {
      const w = this.queue.add(b, priorityOf(this.access.rules, who), waitMs, now);
      this.counters.bump(this.counters.queued, b.product);
      this.log({
        kind: 'queue_enter',
        product: b.product,
        user: b.user,
        host: b.host,
        reason: no.message,
      });
      this.changed();
      return this.queued(w);
    }
    return this.refuse(b, 'no_seat', no.message, no.rule);
  }

  /** Why `who` cannot take a free seat of a product now, or null when it can. */
  private cannotTake(
    product: string,
    who: Who,
    total: number,
    now: number,
  ): { message: string; rule?: number } | null {
    // The trigger-kept row count (live or not yet reaped) is one read; only when it says
    // "full" are the product's expired rows reaped, which updates the count.
    let inUse = this.q.countAll.get(product) ?? 0;
    if (inUse >= total && this.expire(this.q.reapProduct.all(product, now)) > 0)
      inUse = this.q.countAll.get(product) ?? 0;
    if (inUse >= total) {
      const waiting = this.queue.size(product);
      const more = waiting > 0 ? ` ${waiting} waiting.` : '';
      const held = this.suspension?.(product);
      return { message: seatMessages.noSeat(product, total) + more + (held ? ` ${held}` : '') };
    }
    return this.access.limited(product, who, inUse, total, now);
  }

  private insert(b: CheckoutInput, now: number): CheckoutResult {
    const leaseId = newLeaseId(now);
    const expiresAt = now + this.leaseMs;
    this.q.insert.run(leaseId, b.product, b.clientId, b.user, b.host, now, now, expiresAt);
    this.counters.bump(this.counters.checkouts, b.product);
    this.log({ kind: 'checkout', product: b.product, user: b.user, host: b.host, leaseId });
    this.alertIfDue(b.product, now);
    this.changed();
    return this.granted(leaseId, b.product, expiresAt);
  }

  private queued(w: Waiter): CheckoutResult {
    const position = this.queue.position(w);
    const waiting = this.queue.size(w.body.product);
    return {
      ok: false,
      error: 'queued',
      queueId: w.queueId,
      position,
      waiting,
      retrySeconds: this.heartbeatSeconds,
      message: seatMessages.queued(w.body.product, position, waiting, this.heartbeatSeconds),
    };
  }

  /**
   * Gives free seats of a product to its waiters in order; a waiter that a rule keeps from the
   * seat (a max, a reservation) is passed over, never a newcomer served before it.
   */
  private serveQueue(product: string, now: number): void {
    for (const w of this.queue.dropGone(product, now))
      this.leftQueue(w, 'left (stopped asking or its wait ran out)');
    const total = this.pool.total(product);
    if (total === undefined) return;
    for (const w of [...this.queue.of(product)]) {
      const b = w.body;
      // Rules reloaded while it waited may refuse it now: it leaves, told why when it asks.
      if (this.access.refused(product, { user: b.user, host: b.host, address: b.address ?? '' })) {
        this.queue.remove(w);
        this.leftQueue(w, 'refused by the rules');
        continue;
      }
      if (
        this.cannotTake(
          product,
          { user: b.user, host: b.host, address: b.address ?? '' },
          total,
          now,
        )
      ) {
        if ((this.q.countAll.get(product) ?? 0) >= total) break;
        continue;
      }
      this.queue.remove(w);
      this.leftQueue(w, 'granted');
      this.insert(b, now);
      for (const l of this.grantListeners) l(w, now);
    }
  }

  private serveAll(): void {
    const now = this.now();
    this.db
      .transaction(() => {
        for (const p of this.queue.products()) this.serveQueue(p, now);
      })
      .immediate();
  }

  private leftQueue(w: Waiter, reason: string): void {
    const b = w.body;
    this.log({ kind: 'queue_exit', product: b.product, user: b.user, host: b.host, reason });
    this.changed();
  }

  private heartbeatIn(leaseId: string, now: number): HeartbeatResult {
    const expiresAt = now + this.leaseMs;
    const row = this.q.extendIfLive.get(now, expiresAt, leaseId, now);
    if (!row) return this.missed(leaseId, now);
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
    this.counters.heartbeats++;
    return { ok: true, expiresAt };
  }

  /** A heartbeat after its lease expired: revived within the window if its seat is still free. */
  private missed(leaseId: string, now: number): HeartbeatResult {
    // Expired but not reaped yet: the seat is gone, so is the row.
    const rows = this.q.remove.all(leaseId);
    if (this.expire(rows) > 0) this.changed();
    const dead = rows[0] ?? this.q.dead.get(leaseId);
    if (!dead) return this.expired(leaseId);
    this.counters.heartbeatMisses++;
    const b = { product: dead.product, user: dead.user, host: dead.host };
    this.log({ kind: 'heartbeat_miss', ...b, leaseId });
    const total = this.pool.total(dead.product);
    const free =
      this.reviveMs > 0 &&
      total !== undefined &&
      now - dead.expires_at <= this.reviveMs &&
      this.queue.size(dead.product) === 0 &&
      !this.q.byClient.get(dead.product, dead.client_id) &&
      !this.cannotTake(dead.product, { ...b, address: '' }, total, now) &&
      !this.access.refused(dead.product, { ...b, address: '' });
    if (!free) return this.expired(leaseId);
    const expiresAt = now + this.leaseMs;
    this.q.unbury.run(leaseId);
    this.q.insert.run(
      leaseId,
      dead.product,
      dead.client_id,
      dead.user,
      dead.host,
      dead.since,
      now,
      expiresAt,
    );
    this.counters.bump(this.counters.revived, dead.product);
    this.log({ kind: 'revive', product: dead.product, user: dead.user, host: dead.host, leaseId });
    this.changed();
    return { ok: true, expiresAt, revived: true };
  }

  private releaseIn(leaseId: string, now: number): boolean {
    const rows = this.q.remove.all(leaseId);
    const row = rows[0];
    if (!row) {
      // A waiter that gives up releases its queue place by its queueId.
      const w = this.queue.byQueueId(leaseId);
      if (w) {
        this.queue.remove(w);
        this.leftQueue(w, 'left (released its place)');
      }
      return w !== undefined;
    }
    this.counters.bump(this.counters.releases, row.product);
    this.log({ kind: 'release', product: row.product, user: row.user, host: row.host, leaseId });
    if (this.queue.size(row.product) > 0) this.serveQueue(row.product, now);
    this.changed();
    return true;
  }

  /** Keeps reaped leases for the revival window and logs their expiry; answers how many. */
  private expire(rows: LeaseRow[]): number {
    for (const r of rows) {
      this.counters.bump(this.counters.expired, r.product);
      this.log({
        kind: 'expiry',
        product: r.product,
        user: r.user,
        host: r.host,
        leaseId: r.lease_id,
      });
      if (this.reviveMs > 0)
        this.q.bury.run(r.lease_id, r.product, r.client_id, r.user, r.host, r.since, r.expires_at);
    }
    return rows.length;
  }

  /** Deletes leases whose heartbeats stopped, serves the queues; answers how many. */
  reap(): number {
    if (this.closed) return 0;
    const now = this.now();
    this.tick(now);
    const n = this.db
      .transaction(() => {
        const k = this.expire(this.q.reap.all(now));
        this.q.pruneDead.run(now - this.reviveMs);
        for (const p of this.queue.products()) this.serveQueue(p, now);
        return k;
      })
      .immediate();
    if (n > 0) {
      this.pool.recheck();
      this.changed();
    }
    return n;
  }
}
