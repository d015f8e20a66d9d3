// The replica's organization tables: feed rows as pulled, the outbox, and optimistic effects.
// Every write here is one SQLite transaction; callers refresh in-memory state after it returns.
import type { Database as Db } from 'better-sqlite3';
import type { FeedTable, PullAnswer } from '../../src-shared/cloud-api/sync.ts';
import { feedTables } from '../../src-shared/cloud-api/sync.ts';
import { AnswerTable, type ChangeAnswer, type StoredAnswer } from '../org/change-answers.ts';
import { FeedStage, keyOf, refOf, touchedBy } from './feed-stage.ts';
import type { KeptFailure } from '../sync/failed-keep.ts';
import type { Replica } from './replica.ts';
import { Touched } from './touched.ts';

export type FeedRow = Record<string, unknown>;

/** One change a mutation makes to the replica at once: a row upserted, or (data null) deleted. */
export interface Effect {
  tbl: FeedTable;
  key: string;
  data: FeedRow | null;
}

/** What the user list filters and sorts on, without the rest of the row. */
export interface UserIndexRow {
  id: string;
  name: string;
  email: string;
  role: string;
}

export interface OutboxEntry {
  id: number;
  name: string;
  args: unknown;
  description: string;
  createdAt: string;
  status: 'pending' | 'failed';
  code: string | null;
  message: string | null;
  answeredAt: string | null;
}

interface OutboxRow {
  id: number;
  name: string;
  args: string;
  description: string;
  created_at: string;
  status: 'pending' | 'failed';
  code: string | null;
  message: string | null;
  answered_at: string | null;
}

function prepare(db: Db) {
  return {
    upsert: db.prepare<[string, string, string | null, string]>(
      `INSERT INTO feed_rows (tbl, key, ref, data) VALUES (?, ?, ?, ?)
       ON CONFLICT (tbl, key) DO UPDATE SET ref = excluded.ref, data = excluded.data`,
    ),
    remove: db.prepare<[string, string]>('DELETE FROM feed_rows WHERE tbl = ? AND key = ?'),
    clearFeed: db.prepare('DELETE FROM feed_rows'),
    rows: db.prepare<[string], { key: string; data: string }>(
      'SELECT key, data FROM feed_rows WHERE tbl = ?',
    ),
    count: db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM feed_rows WHERE tbl = ?'),
    row: db.prepare<[string, string], { data: string }>(
      'SELECT data FROM feed_rows WHERE tbl = ? AND key = ?',
    ),
    byRef: db.prepare<[string, string], { key: string; data: string }>(
      // Without statistics the planner would scan the table's primary key range instead.
      'SELECT key, data FROM feed_rows INDEXED BY feed_rows_ref WHERE tbl = ? AND ref = ?',
    ),
    userIndex: db.prepare<[], UserIndexRow>(
      `SELECT key AS id, data ->> '$.name' AS name, data ->> '$.email' AS email,
         data ->> '$.role' AS role FROM feed_rows WHERE tbl = 'users'`,
    ),
    holders: db.prepare<[string], { userId: string }>(
      `SELECT DISTINCT data ->> '$.userId' AS userId FROM feed_rows
       WHERE tbl = 'assignments' AND data ->> '$.productCode' = ?`,
    ),
    assigned: db.prepare<[], { purchaseId: string; n: number }>(
      `SELECT data ->> '$.purchaseId' AS purchaseId, sum(data ->> '$.quantity') AS n
       FROM feed_rows WHERE tbl = 'assignments' GROUP BY 1`,
    ),
    modes: db.prepare<[], { userId: string; mode: string }>(
      `SELECT key AS userId, data ->> '$.mode' AS mode FROM feed_rows WHERE tbl = 'creditAccess'`,
    ),
    insertOutbox: db.prepare(
      `INSERT INTO outbox (id, name, args, description, created_at, status)
       VALUES (@id, @name, @args, @description, @createdAt, 'pending')`,
    ),
    insertFailed: db.prepare(
      `INSERT INTO outbox (id, name, args, description, created_at, status, code, message, answered_at)
       VALUES (@id, @name, @args, @description, @createdAt, 'failed', @code, @message, @answeredAt)`,
    ),
    pending: db.prepare<[number], OutboxRow>(
      `SELECT * FROM outbox WHERE status = 'pending' ORDER BY id LIMIT ?`,
    ),
    pendingCount: db.prepare<[], { n: number }>(
      `SELECT count(*) AS n FROM outbox WHERE status = 'pending'`,
    ),
    pendingNamed: db.prepare<[string], { n: number }>(
      `SELECT count(*) AS n FROM outbox WHERE status = 'pending' AND name = ?`,
    ),
    failed: db.prepare<[], OutboxRow>(`SELECT * FROM outbox WHERE status = 'failed' ORDER BY id`),
    outboxRow: db.prepare<[number], OutboxRow>('SELECT * FROM outbox WHERE id = ?'),
    answers: new AnswerTable(db),
    stage: new FeedStage(db),
    deleteOutbox: db.prepare<[number]>('DELETE FROM outbox WHERE id = ?'),
    dropConfirmed: db.prepare<[number]>(`DELETE FROM outbox WHERE status = 'pending' AND id <= ?`),
    markFailed: db.prepare(
      `UPDATE outbox SET status = 'failed', code = @code, message = @message, answered_at = @at
       WHERE id = @id`,
    ),
    insertEffect: db.prepare<[number, number, string, string, string | null]>(
      'INSERT INTO optimistic (mutation_id, seq, tbl, key, data) VALUES (?, ?, ?, ?, ?)',
    ),
    effects: db.prepare<[], { mutation_id: number; tbl: string; key: string; data: string | null }>(
      'SELECT mutation_id, tbl, key, data FROM optimistic ORDER BY mutation_id, seq',
    ),
    deleteEffects: db.prepare<[number]>('DELETE FROM optimistic WHERE mutation_id = ?'),
    dropEffectsUpTo: db.prepare<[number]>('DELETE FROM optimistic WHERE mutation_id <= ?'),
    effectsUpTo: db.prepare<[number], { tbl: string; key: string; data: string | null }>(
      'SELECT tbl, key, data FROM optimistic WHERE mutation_id <= ?',
    ),
  };
}

function toEntry(r: OutboxRow): OutboxEntry {
  return {
    id: r.id,
    name: r.name,
    args: JSON.parse(r.args) as unknown,
    description: r.description,
    createdAt: r.created_at,
    status: r.status,
    code: r.code,
    message: r.message,
    answeredAt: r.answered_at,
  };
}

export class OrgStore {
  readonly #replica: Replica;
  #db: Db | null = null;
  #s: ReturnType<typeof prepare> | null = null;

  constructor(replica: Replica) {
    this.#replica = replica;
  }

  /** Statements of the current database file (sign-out replaces it). */
  get #st(): ReturnType<typeof prepare> {
    const db = this.#replica.db;
    if (db !== this.#db || !this.#s) {
      this.#db = db;
      this.#s = prepare(db);
    }
    return this.#s;
  }

  get #conn(): Db {
    void this.#st;
    return this.#db as Db;
  }

  /** This install's client id for the cloud's mutation log; random, kept with the replica. */
  clientId(): string {
    let id = this.#replica.getMeta('client_id');
    if (!id) {
      id = `clm-${crypto.randomUUID()}`;
      this.#replica.setMeta('client_id', id);
    }
    return id;
  }

  cursor(): number {
    return Number(this.#replica.getMeta('feed_cursor') ?? 0);
  }

  /**
   * Writes one page of a paged pull aside (src-main/store/feed-stage.ts): the replica's rows
   * change only when applyPull takes the last page. `first` starts a new pull.
   */
  stagePage(answer: PullAnswer, first: boolean): void {
    this.#st.stage.add(answer, first, (tbl, key) => this.row(tbl as FeedTable, key));
  }

  /**
   * Applies one pull in ONE transaction: a reset clears the feed rows first; then the pages
   * written aside before this last one, in order; then this answer's deletes, then upserts; the
   * cursor moves; outbox rows and effects the cloud has already applied are dropped. Answers
   * what the pull touched, for the views' `data.changed`.
   */
  applyPull(answer: PullAnswer, syncedAt: string): Touched {
    const s = this.#st;
    if (answer.reset) s.stage.forget();
    const touched = s.stage.active ? s.stage.touched : new Touched();
    const reset = answer.reset || s.stage.reset;
    const clientId = this.clientId();
    const applied = answer.lastMutationIds[clientId] ?? 0;
    const stored = (tbl: string, key: string) => {
      const r = s.row.get(tbl, key);
      return r ? (JSON.parse(r.data) as FeedRow) : null;
    };
    this.#conn.transaction(() => {
      if (reset) {
        s.clearFeed.run();
        for (const t of Object.keys(feedTables) as FeedTable[]) touched.table(t);
      } else {
        touchedBy(touched, answer, stored);
      }
      s.stage.applyInto();
      for (const [tbl, keys] of Object.entries(answer.deletes))
        if (tbl in feedTables) for (const key of keys) s.remove.run(tbl, key);
      for (const [tbl, rows] of Object.entries(answer.changes) as [FeedTable, FeedRow[]][]) {
        if (!rows?.length || !(tbl in feedTables)) continue;
        for (const row of rows)
          s.upsert.run(tbl, keyOf(tbl, row), refOf(tbl, row), JSON.stringify(row));
      }
      if (applied > 0) {
        // The confirmed changes' optimistic effects go: their users' rows are no longer pending.
        for (const e of s.effectsUpTo.all(applied)) {
          const data = e.data === null ? null : (JSON.parse(e.data) as FeedRow);
          touched.row(e.tbl as FeedTable, e.key, data, () => stored(e.tbl, e.key));
        }
        s.dropConfirmed.run(applied);
        s.dropEffectsUpTo.run(applied);
      }
      this.#replica.setMeta('feed_cursor', String(answer.cursor));
      this.#replica.setMeta('last_sync_at', syncedAt);
    })();
    return touched;
  }

  /** What a queued change's optimistic effects touch, for its `data.changed`. */
  touchedBy(effects: Effect[]): Touched {
    const touched = new Touched();
    for (const e of effects) touched.row(e.tbl, e.key, e.data, () => this.row(e.tbl, e.key));
    return touched;
  }

  /** The pulled (authoritative) rows of a table, without optimistic effects. */
  baseRows(tbl: FeedTable): Map<string, FeedRow> {
    const out = new Map<string, FeedRow>();
    for (const r of this.#st.rows.all(tbl)) out.set(r.key, JSON.parse(r.data) as FeedRow);
    return out;
  }

  /** One pulled row by its key. */
  row(tbl: FeedTable, key: string): FeedRow | null {
    const r = this.#st.row.get(tbl, key);
    return r ? (JSON.parse(r.data) as FeedRow) : null;
  }

  /** Pulled rows of a user (assignments, borrows by user id; users, invitations by email). */
  rowsByRef(tbl: FeedTable, ref: string): Map<string, FeedRow> {
    const out = new Map<string, FeedRow>();
    for (const r of this.#st.byRef.all(tbl, ref.toLowerCase()))
      out.set(r.key, JSON.parse(r.data) as FeedRow);
    return out;
  }

  /** Id, name, email and role of every pulled user: what the user list filters and sorts on. */
  userIndex(): UserIndexRow[] {
    return this.#st.userIndex.all();
  }

  /** Users holding a pulled assignment of the product. */
  productHolders(productCode: string): Set<string> {
    return new Set(this.#st.holders.all(productCode).map((r) => r.userId));
  }

  /** Seats of each purchase the pulled assignments hold. */
  assignedSeats(): Map<string, number> {
    return new Map(this.#st.assigned.all().map((r) => [r.purchaseId, r.n]));
  }

  /** Pulled credit access mode per user id (users without a row are `disabled`). */
  creditModes(): Map<string, string> {
    return new Map(this.#st.modes.all().map((r) => [r.userId, r.mode]));
  }

  count(tbl: FeedTable): number {
    return this.#st.count.get(tbl)?.n ?? 0;
  }

  /** Effects of mutations not yet confirmed by a pull, in the order they were made. */
  effects(): (Effect & { mutationId: number })[] {
    return this.#st.effects.all().map((e) => ({
      mutationId: e.mutation_id,
      tbl: e.tbl as FeedTable,
      key: e.key,
      data: e.data === null ? null : (JSON.parse(e.data) as FeedRow),
    }));
  }

  /** The next mutation id: ids only ever increase for this client, even once the outbox empties. */
  #nextId(): number {
    const last = Number(this.#replica.getMeta('last_mutation_id') ?? 0);
    const next = last + 1;
    this.#replica.setMeta('last_mutation_id', String(next));
    return next;
  }

  /** Queues a mutation with its optimistic effects in ONE transaction; answers its id. */
  enqueue(name: string, args: unknown, description: string, effects: Effect[], at: string): number {
    const s = this.#st;
    let id = 0;
    this.#conn.transaction(() => {
      id = this.#nextId();
      s.insertOutbox.run({ id, name, args: JSON.stringify(args), description, createdAt: at });
      effects.forEach((e, seq) =>
        s.insertEffect.run(id, seq, e.tbl, e.key, e.data === null ? null : JSON.stringify(e.data)),
      );
    })();
    return id;
  }

  /** Puts failed changes kept across a sign-out back among the failed ones (src-main/sync/failed-keep.ts). */
  restoreFailed(items: KeptFailure[]): void {
    this.#conn.transaction(() => {
      for (const f of items)
        this.#st.insertFailed.run({ id: this.#nextId(), ...f, args: JSON.stringify(f.args) });
    })();
  }

  /** Many mutations at once (bulk CSV, tests): one transaction for all. */
  enqueueMany(
    items: { name: string; args: unknown; description: string; effects: Effect[] }[],
    at: string,
  ): number[] {
    const ids: number[] = [];
    this.#conn.transaction(() => {
      for (const m of items) ids.push(this.enqueue(m.name, m.args, m.description, m.effects, at));
    })();
    return ids;
  }

  pending(limit: number): OutboxEntry[] {
    return this.#st.pending.all(limit).map(toEntry);
  }

  /** Pending changes, or only those of one mutation name. */
  pendingCount(name?: string): number {
    const row = name === undefined ? this.#st.pendingCount.get() : this.#st.pendingNamed.get(name);
    return row?.n ?? 0;
  }

  failed(): OutboxEntry[] {
    return this.#st.failed.all().map(toEntry);
  }

  /**
   * Records the cloud's answers in ONE transaction: accepted rows leave the outbox (their effects
   * stay until a pull brings the authoritative rows); rejected ones are undone and kept as failed.
   * Each answer, with the items the cloud refused, is kept for the result screens (older answers
   * pruned in the same transaction).
   */
  recordAnswers(answers: ChangeAnswer[], at: string): void {
    const s = this.#st;
    this.#conn.transaction(() => {
      for (const a of answers) {
        if (a.accepted) {
          s.deleteOutbox.run(a.id);
          s.answers.save(a, a.code ?? null, a.message ?? null, at);
        } else {
          const code = a.code ?? 'rejected';
          const message = a.message ?? '';
          s.deleteEffects.run(a.id);
          s.markFailed.run({ id: a.id, code, message, at });
          s.answers.save(a, code, message, at);
        }
      }
      if (answers.length) s.answers.prune(at);
    })();
  }

  /** The outbox row of a change while it is pending or failed. */
  outboxEntry(id: number): OutboxEntry | null {
    const r = this.#st.outboxRow.get(id);
    return r ? toEntry(r) : null;
  }

  /** The cloud's recorded answer to a change, while it is kept. */
  answer(id: number): StoredAnswer | null {
    return this.#st.answers.get(id);
  }

  /** Forgets failed changes the user dismissed; answers how many were removed. */
  dismissFailed(ids: number[] | null): number {
    let n = 0;
    this.#conn.transaction(() => {
      for (const f of this.failed()) {
        if (ids === null || ids.includes(f.id)) n += this.#st.deleteOutbox.run(f.id).changes;
      }
    })();
    return n;
  }
}
