// The pages of a paged pull until its last page arrives (docs/architecture.md, "Initial sync"):
// each page's rows are written in its own transaction into a TEMP table outside the replica's
// rows, so no view ever sees half an answer; the last page's transaction moves them all into
// `feed_rows` by SQL. A TEMP table lives in its own file and dies with the connection: a process killed
// mid-way leaves the replica as it was, and the next pull starts over from the stored cursor.
import type { Database as Db } from 'better-sqlite3';
import { feedTables, type FeedTable, type PullAnswer } from '../../src-shared/cloud-api/sync.ts';
import { Touched } from './touched.ts';

type Row = Record<string, unknown>;

/** The field a table's rows are looked up by besides their key (user, or invitee email). */
const refField: Partial<Record<FeedTable, string>> = {
  users: 'email',
  invitations: 'email',
  assignments: 'userId',
  borrows: 'userId',
};

export function refOf(tbl: FeedTable, row: Row): string | null {
  const f = refField[tbl];
  const v = f ? row[f] : undefined;
  return typeof v === 'string' ? v.toLowerCase() : null;
}

export function keyOf(tbl: FeedTable, row: Row): string {
  return String(row[feedTables[tbl]]);
}

/** Rows (changes and deletions) an answer carries. */
export function rowsIn(answer: PullAnswer): number {
  let n = 0;
  for (const rows of Object.values(answer.changes)) n += rows?.length ?? 0;
  for (const keys of Object.values(answer.deletes)) n += keys.length;
  return n;
}

function prepare(db: Db) {
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS feed_stage (
    id INTEGER PRIMARY KEY, tbl TEXT NOT NULL, key TEXT NOT NULL, ref TEXT, data TEXT)`);
  return {
    add: db.prepare<[string, string, string | null, string | null]>(
      'INSERT INTO temp.feed_stage (tbl, key, ref, data) VALUES (?, ?, ?, ?)',
    ),
    lastId: db.prepare<[], { id: number | null }>('SELECT max(id) AS id FROM temp.feed_stage'),
    clear: db.prepare('DELETE FROM temp.feed_stage'),
    // A page's deletions, then its rows, as applyPull does with one answer.
    remove: db.prepare<[number, number]>(
      `DELETE FROM main.feed_rows WHERE (tbl, key) IN
         (SELECT tbl, key FROM temp.feed_stage WHERE id BETWEEN ? AND ? AND data IS NULL)`,
    ),
    upsert: db.prepare<[number, number]>(
      `INSERT INTO main.feed_rows (tbl, key, ref, data)
       SELECT tbl, key, ref, data FROM temp.feed_stage WHERE id BETWEEN ? AND ? AND data IS NOT NULL
       ON CONFLICT (tbl, key) DO UPDATE SET ref = excluded.ref, data = excluded.data`,
    ),
  };
}

export class FeedStage {
  readonly #db: Db;
  readonly #s: ReturnType<typeof prepare>;
  /** Id ranges of the staged pages, in order, and whether one has deletions; empty when none. */
  #pages: { first: number; last: number; deletes: boolean }[] = [];
  #reset = false;
  #touched = new Touched();

  constructor(db: Db) {
    this.#db = db;
    this.#s = prepare(db);
  }

  get active(): boolean {
    return this.#pages.length > 0;
  }

  /** Whether the staged pages begin with a reset (then the replica's rows are replaced). */
  get reset(): boolean {
    return this.#reset;
  }

  /** What the staged pages touch; the last page's transaction adds its own rows. */
  get touched(): Touched {
    return this.#touched;
  }

  /**
   * Writes one page in its own transaction. The first page of a pull, or a reset, starts over.
   * `stored` reads a committed row (what a page changes, for the views' `data.changed`).
   */
  add(answer: PullAnswer, first: boolean, stored: (tbl: string, key: string) => Row | null): void {
    const s = this.#s;
    if (first || answer.reset) this.forget();
    if (answer.reset) {
      this.#reset = true;
      for (const t of Object.keys(feedTables) as FeedTable[]) this.#touched.table(t);
    } else if (!this.#reset) {
      touchedBy(this.#touched, answer, stored);
    }
    this.#db.transaction(() => {
      const start = (s.lastId.get()?.id ?? 0) + 1;
      let deletes = false;
      for (const [tbl, keys] of Object.entries(answer.deletes)) {
        if (!(tbl in feedTables)) continue;
        for (const key of keys) s.add.run(tbl, key, null, null);
        deletes ||= keys.length > 0;
      }
      for (const [tbl, rows] of Object.entries(answer.changes) as [FeedTable, Row[]][]) {
        if (!rows?.length || !(tbl in feedTables)) continue;
        for (const row of rows)
          s.add.run(tbl, keyOf(tbl, row), refOf(tbl, row), JSON.stringify(row));
      }
      this.#pages.push({ first: start, last: s.lastId.get()?.id ?? start - 1, deletes });
    })();
  }

  /** Inside the caller's transaction: the staged pages into `feed_rows`, in order; then forgets them. */
  applyInto(): void {
    for (const p of this.#pages) {
      if (p.deletes) this.#s.remove.run(p.first, p.last);
      this.#s.upsert.run(p.first, p.last);
    }
    this.forget();
  }

  /** Drops the staged pages (a pull that starts over, or a last page that is a reset). */
  forget(): void {
    if (this.#pages.length) this.#s.clear.run();
    this.#pages = [];
    this.#reset = false;
    this.#touched = new Touched();
  }
}

/** What an answer's rows touch, read against the committed rows before it is applied. */
export function touchedBy(
  touched: Touched,
  answer: PullAnswer,
  stored: (tbl: string, key: string) => Row | null,
): void {
  for (const [tbl, keys] of Object.entries(answer.deletes)) {
    if (!(tbl in feedTables)) continue;
    for (const key of keys) touched.row(tbl as FeedTable, key, null, () => stored(tbl, key));
  }
  for (const [tbl, rows] of Object.entries(answer.changes) as [FeedTable, Row[]][]) {
    if (!rows?.length || !(tbl in feedTables)) continue;
    for (const row of rows) {
      const key = keyOf(tbl, row);
      touched.row(tbl, key, row, () => stored(tbl, key));
    }
  }
}
