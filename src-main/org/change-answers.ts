// The cloud's answers to sent changes, kept after the outbox forgets them (replica migration 3),
// so the result screens can name every item the cloud refused. Bounded: see pruneAnswers.
import type { Database as Db } from 'better-sqlite3';
import type { QueuedChange } from '../../src-shared/domain/org.ts';

/** One item of a change the cloud (or the pre-check) refused, with its reason. */
export type RefusedItem = QueuedChange['failed'][number];

/** The cloud's answer to one sent mutation, as the engine records it. */
export interface ChangeAnswer {
  id: number;
  accepted: boolean;
  code?: string;
  message?: string;
  /** Items of a batch the cloud refused (an accepted batch may still refuse some). */
  failed?: RefusedItem[];
}

/** A recorded answer. */
export interface StoredAnswer {
  mutationId: number;
  status: 'accepted' | 'rejected';
  code: string | null;
  message: string | null;
  failed: RefusedItem[];
  answeredAt: string;
}

interface AnswerRow {
  mutation_id: number;
  status: 'accepted' | 'rejected';
  code: string | null;
  message: string | null;
  failed: string;
  answered_at: string;
}

/** Answers kept: the newest ones, and none older than a week (result screens need only recent). */
export const KEEP_ANSWERS = 200;
const KEEP_ANSWERS_MS = 7 * 24 * 3600_000;

/** Statements of one database file; the caller runs them inside its own transaction. */
export class AnswerTable {
  readonly #insert;
  readonly #get;
  readonly #prune;

  constructor(db: Db) {
    this.#insert = db.prepare(
      `INSERT INTO change_results (mutation_id, status, code, message, failed, answered_at)
       VALUES (@id, @status, @code, @message, @failed, @at)
       ON CONFLICT (mutation_id) DO UPDATE SET status = excluded.status, code = excluded.code,
         message = excluded.message, failed = excluded.failed, answered_at = excluded.answered_at`,
    );
    this.#get = db.prepare<[number], AnswerRow>(
      'SELECT * FROM change_results WHERE mutation_id = ?',
    );
    this.#prune = db.prepare<[string, number]>(
      `DELETE FROM change_results WHERE answered_at < ? OR mutation_id NOT IN
         (SELECT mutation_id FROM change_results ORDER BY mutation_id DESC LIMIT ?)`,
    );
  }

  save(a: ChangeAnswer, code: string | null, message: string | null, at: string): void {
    this.#insert.run({
      id: a.id,
      status: a.accepted ? 'accepted' : 'rejected',
      code,
      message,
      failed: JSON.stringify(a.failed ?? []),
      at,
    });
  }

  /** Drops answers older than a week from `at`, and all but the newest KEEP_ANSWERS. */
  prune(at: string): void {
    this.#prune.run(new Date(Date.parse(at) - KEEP_ANSWERS_MS).toISOString(), KEEP_ANSWERS);
  }

  get(id: number): StoredAnswer | null {
    const r = this.#get.get(id);
    if (!r) return null;
    return {
      mutationId: r.mutation_id,
      status: r.status,
      code: r.code,
      message: r.message,
      failed: JSON.parse(r.failed) as RefusedItem[],
      answeredAt: r.answered_at,
    };
  }
}
