// The sync engine: ONE object owning sync state (online, rounds, backoff, outbox, feed cursor).
// A round pushes the outbox in order, pulls the feed since the cursor, then the account snapshot.
import { isoNow, type Clock } from '../../src-shared/clock.ts';
import type { FeedTable } from '../../src-shared/cloud-api/sync.ts';
import type { FailedChange, SyncProgress, SyncStatus } from '../../src-shared/domain/session.ts';
import { AppError } from '../../src-shared/errors.ts';
import type { Logger } from '../core/log.ts';
import type { ChangeAnswer } from '../org/change-answers.ts';
import type { CoreEventName, CoreEvents } from '../core/events.ts';
import { OrgStore, type Effect } from '../store/org-store.ts';
import { rowsIn } from '../store/feed-stage.ts';
import type { Replica } from '../store/replica.ts';
import type { CloudClient } from './cloud-client.ts';
import { SESSION_ENDED } from './cloud-client.ts';
import { OrgState } from '../org/state.ts';
import type { BackoffOptions } from './reconnect.ts';
import { Reconnector } from './reconnect.ts';
import { refusedItems } from '../org/refused-items.ts';
import { pullSnapshot } from './snapshot-sync.ts';

/** What the engine needs from the core's session; the engine never owns the session itself. */
export interface SyncHost {
  client: CloudClient;
  replica: Replica;
  log: Logger;
  clock: Clock;
  emit<E extends CoreEventName>(name: E, payload: CoreEvents[E]): void;
  signedIn(): boolean;
  /** Bumped by sign-in/out: an answer to a request of an older epoch is dropped. */
  epoch(): number;
  closed(): boolean;
  /** A pull succeeded with the session's credentials: the session is confirmed. */
  confirmed(changedSession: boolean): void;
  sessionEnded(message: string): Promise<void>;
  emitSession(): void;
}

export interface EngineOptions {
  reconnect?: BackoffOptions;
  /** Mutations per push request. */
  pushBatch?: number;
  /** Rows per pull page: a first sync of a large organization arrives in pages of this size. */
  pullPageRows?: number;
}

/** Feed tables named in `data.changed`, prefixed so views can tell them from the snapshot's. */
export const orgTable = (t: FeedTable): string => `org.${t}`;

export class SyncEngine {
  readonly store: OrgStore;
  readonly state: OrgState;
  readonly #h: SyncHost;
  readonly #reconnector: Reconnector;
  readonly #pushBatch: number;
  readonly #pullPage: number;
  #progress: SyncProgress | undefined;
  #online = false;
  #syncing = false;
  #message: string | undefined;
  #round: Promise<boolean> | null = null;
  #again = false;
  #timer: NodeJS.Timeout | null = null;

  constructor(host: SyncHost, opts: EngineOptions = {}) {
    this.#h = host;
    this.store = new OrgStore(host.replica);
    this.state = new OrgState(this.store);
    this.#pushBatch = opts.pushBatch ?? 500;
    // A 10,000-user organization (65,000 rows) still comes in one answer: written aside in pages
    // it left clm serve ~100 MB larger after sign-in and the user list (bench/org-change.bench.ts,
    // not yet understood); a 100,000-user one comes in 7 pages of ~16 MB with its progress shown.
    this.#pullPage = opts.pullPageRows ?? 100_000;
    this.#reconnector = new Reconnector(() => this.round(), opts.reconnect);
  }

  get online(): boolean {
    return this.#online;
  }

  /** Pulls every `everyMs` while online. */
  startTimer(everyMs: number): void {
    this.#timer = setInterval(() => {
      if (this.#h.signedIn() && this.#online && !this.#reconnector.active) void this.round();
    }, everyMs);
    this.#timer.unref();
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    this.#reconnector.stop();
  }

  /** Waits for the round in flight, if any. */
  async idle(): Promise<void> {
    while (this.#round) await this.#round.catch(() => undefined);
  }

  status(): SyncStatus {
    const s: SyncStatus = {
      online: this.#online,
      lastSyncAt: this.#h.replica.lastSyncAt(),
      syncing: this.#syncing,
      pending: this.store.pendingCount(),
      failed: this.store.failed().map((f): FailedChange => ({
        id: String(f.id),
        description: f.description,
        code: f.code ?? 'rejected',
        message: f.message ?? '',
        at: f.answeredAt ?? f.createdAt,
      })),
    };
    if (this.#message) s.message = this.#message;
    if (this.#progress && this.#syncing) s.progress = { ...this.#progress };
    return s;
  }

  /**
   * Something was queued: push it now if the cloud is reachable (else the backoff loop will).
   * `effects`, the change's optimistic effects, say which tables and users it touched; `also`
   * names what else it changed for the views (e.g. `me.creditRequests`).
   */
  kick(effects: Effect[] = [], also: string[] = []): void {
    this.#emitStatus();
    this.#h.emit('data.changed', this.store.touchedBy(effects).event(['org.outbox', ...also]));
    if (!this.#h.signedIn()) return;
    if (this.#round) {
      this.#again = true;
      return;
    }
    if (this.#online) void this.round();
    else if (!this.#reconnector.active) this.#reconnector.start();
  }

  /** A round that starts after everything already asked for (sign-in, sync now). */
  async freshRound(): Promise<boolean> {
    await this.idle();
    return this.round();
  }

  /** One round with the cloud, shared by every caller; true when the cloud answered. */
  round(): Promise<boolean> {
    this.#round ??= this.#doRound().finally(() => {
      this.#round = null;
      if (this.#again && !this.#h.closed()) {
        this.#again = false;
        void this.round();
      }
    });
    return this.#round;
  }

  dismissFailed(ids: number[] | null): SyncStatus {
    if (this.store.dismissFailed(ids) > 0) this.#emitStatus();
    return this.status();
  }

  /**
   * Sends a failed change again as a new change (new idempotency key, no optimistic effects: the
   * replica shows the cloud's answer when it comes); it leaves the failed changes.
   */
  retryFailed(id: number): SyncStatus {
    const f = this.store.outboxEntry(id);
    if (f?.status !== 'failed') throw new AppError('not_found', 'That failed change is gone.');
    this.store.dismissFailed([id]);
    this.store.enqueue(f.name, f.args, f.description, [], isoNow(this.#h.clock));
    this.kick();
    return this.status();
  }

  /** Records what a failed cloud call says about our state; answers whether to stop retrying. */
  noteCloudError(err: unknown): boolean {
    const e = AppError.from(err);
    const { client, log } = this.#h;
    if (e.code === 'offline' || e.code === 'unavailable') {
      if (this.#online || this.#message !== e.message)
        log.warn('cloud unreachable', { message: e.message });
      this.#online = false;
      this.#message = e.message;
      this.#syncing = false;
      this.#emitStatus();
      if (!this.#h.closed()) this.#reconnector.start();
      return false;
    }
    if (e.code === 'unauthorized' && !client.hasRefreshToken() && !this.#h.closed()) {
      // The cloud refused the refresh token (expired, revoked, password changed elsewhere).
      void this.#h.sessionEnded(e.message);
      return true;
    }
    this.#emitStatus();
    return true;
  }

  setOnline(online: boolean): void {
    if (this.#online === online && (!online || this.#message === undefined)) return;
    this.#online = online;
    if (online) this.#message = undefined;
    this.#emitStatus();
  }

  /** Sign-out or a session that ended: forget the reason shown, or show a new one. */
  setMessage(message: string | undefined): void {
    this.#message = message;
  }

  /** The replica file was replaced (sign-out, another account): drop cached org state. */
  reset(): void {
    this.state.invalidate();
  }

  async #doRound(): Promise<boolean> {
    const h = this.#h;
    if (h.closed()) return true;
    const epoch = h.epoch();
    if (h.signedIn() && !h.client.hasRefreshToken()) {
      // The cloud refused the refresh token in some earlier call: this session is over.
      await h.sessionEnded(SESSION_ENDED);
      return true;
    }
    if (!h.client.hasRefreshToken()) {
      try {
        await h.client.health();
        this.setOnline(true);
        h.emitSession();
        return true;
      } catch (err) {
        return this.noteCloudError(err);
      }
    }
    const wasOnline = this.#online;
    const wasSignedIn = h.signedIn();
    this.#setSyncing(true);
    try {
      const pushed = await this.#push(epoch);
      if (!pushed) return true;
      const feedChanged = await this.pullFeed(epoch);
      if (feedChanged === null) return true;
      const snap = await pullSnapshot(h.client, h.clock);
      if (epoch !== h.epoch() || h.closed()) return true;
      const changed = h.replica.applySnapshot(snap);
      this.#online = true;
      this.#message = undefined;
      this.#syncing = false;
      this.#reconnector.stop();
      if (changed.length) h.emit('data.changed', { tables: changed });
      if (changed.includes('server_pool')) h.emit('pool.changed', h.replica.serverPool());
      h.confirmed(
        !wasOnline ||
          !wasSignedIn ||
          changed.includes('account') ||
          changed.includes('organization'),
      );
      this.#emitStatus();
      h.log.info('synced', { changed: [...changed, ...feedChanged.map(orgTable)].join(',') });
      return true;
    } catch (err) {
      this.#syncing = false;
      if (epoch !== h.epoch()) return true;
      return this.noteCloudError(err);
    }
  }

  /**
   * Sends pending mutations in order, a batch at a time; a row leaves the outbox only once the
   * cloud answered it. Answers false when the session changed meanwhile.
   */
  async #push(epoch: number): Promise<boolean> {
    const h = this.#h;
    const clientId = this.store.clientId();
    for (;;) {
      const batch = this.store.pending(this.#pushBatch);
      if (!batch.length) return true;
      let answers: ChangeAnswer[];
      try {
        const res = await h.client.push({
          clientId,
          mutations: batch.map((m) => ({ id: m.id, name: m.name, args: m.args })),
        });
        const emailOf = (id: string) => {
          const email = this.store.row('users', id)?.email;
          return typeof email === 'string' ? email : undefined;
        };
        // The per-item refusals are kept with the answer: the result screens name each one.
        answers = res.results.map((r) => {
          const failed = refusedItems(r.items, emailOf);
          return {
            id: r.id,
            accepted: r.status === 'accepted',
            ...(r.code ? { code: r.code } : {}),
            ...(r.message ? { message: r.message } : {}),
            ...(failed.length ? { failed } : {}),
          };
        });
      } catch (err) {
        const e = AppError.from(err);
        // The whole push was refused as malformed: nothing of it can ever apply, so it fails
        // visibly instead of blocking the outbox forever.
        if (e.code !== 'bad_request') throw err;
        answers = batch.map((m) => ({
          id: m.id,
          accepted: false,
          code: e.code,
          message: e.message,
        }));
      }
      if (epoch !== h.epoch() || h.closed()) return false;
      const rejected = answers.filter((a) => !a.accepted);
      this.store.recordAnswers(answers, isoNow(h.clock));
      this.state.invalidate([]);
      for (const r of rejected)
        h.log.warn('change rejected', { id: r.id, message: r.message ?? '' });
      // An accepted change alters no row until the pull confirms it; a rejected one's effects
      // are gone, and its users' rows with them.
      h.emit(
        'data.changed',
        rejected.length
          ? { tables: ['org.outbox', 'org.users'] }
          : { tables: ['org.outbox'], users: [] },
      );
      this.#emitStatus();
      if (answers.length < batch.length) return true;
    }
  }

  /**
   * Pulls the feed since the stored cursor, a page at a time, and applies it in one transaction
   * once the last page is in (pages before it are written aside, src-main/store/feed-stage.ts);
   * the status shows the rows received and written meanwhile. Null if the session changed.
   */
  async pullFeed(epoch = this.#h.epoch()): Promise<FeedTable[] | null> {
    const h = this.#h;
    const t0 = performance.now();
    const pull = (cursor: number) => h.client.pull(cursor, this.#pullPage);
    let answer = await pull(this.store.cursor());
    let received = rowsIn(answer);
    let pages = 1;
    try {
      for (let first = true; answer.more; first = false) {
        if (epoch !== h.epoch() || h.closed()) return null;
        // The next page is asked for while this one is written: the cloud and SQLite overlap.
        const next = pull(answer.cursor);
        next.catch(() => undefined);
        // A reset (first, or when the cloud starts over) counts from its own first page.
        if (answer.reset) received = rowsIn(answer);
        const total = answer.reset ? answer.total : this.#progress?.total;
        const applied = answer.reset ? 0 : (this.#progress?.applied ?? 0);
        this.#progress = { received, applied, ...(total !== undefined ? { total } : {}) };
        this.#emitStatus();
        // A turn of the event loop: the request goes out and the status reaches the views.
        await new Promise((resolve) => setImmediate(resolve));
        this.store.stagePage(answer, first);
        this.#progress = { ...this.#progress, applied: received };
        this.#emitStatus();
        answer = await next;
        received += rowsIn(answer);
        pages++;
      }
      if (epoch !== h.epoch() || h.closed()) return null;
      const t1 = performance.now();
      const touched = this.store.applyPull(answer, isoNow(h.clock));
      const changed = touched.tables;
      h.log.info('pulled', {
        rows: received,
        pages,
        fetchMs: Math.round(t1 - t0),
        applyMs: Math.round(performance.now() - t1),
      });
      // In-memory state and events change only after the commit above.
      this.state.invalidate(touched.tables);
      if (changed.length) h.emit('data.changed', touched.event());
      return changed;
    } finally {
      if (this.#progress) {
        this.#progress = undefined;
        this.#emitStatus();
      }
    }
  }

  #setSyncing(syncing: boolean): void {
    if (this.#syncing === syncing) return;
    this.#syncing = syncing;
    this.#emitStatus();
  }

  #emitStatus(): void {
    this.#h.emit('sync.status', this.status());
  }
}
