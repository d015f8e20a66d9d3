// The History chart's samples: per minute and product, seats in use, the pool's total, the
// checkouts refused in that minute and the checkouts waiting, kept `historyDays` days.
import type { Statement } from 'better-sqlite3';
import type { SeatHistory } from '../../src-shared/bridge/calls/seats.ts';
import { productLabel } from '../../src-shared/products.ts';
import type { SeatDb } from './db.ts';
import type { PoolEntry } from './pool.ts';

export const MINUTE = 60_000;

interface Row {
  minute: number;
  product: string;
  in_use: number;
  total: number;
  denied: number;
  queued: number;
}

export interface SampleFigures {
  inUse: Map<string, number>;
  denied: Map<string, number>;
  queued: (product: string) => number;
}

export class HistoryStore {
  private readonly put: Statement<[number, string, number, number, number, number]>;
  private readonly prune: Statement<[number]>;
  private readonly rows: Statement<[number, number, number], Row>;

  constructor(
    private readonly db: SeatDb,
    private readonly historyDays: number,
  ) {
    // Denials add up within a minute (several samples a minute); use and queue are the latest.
    this.put = db.prepare(
      `INSERT INTO history (minute, product, in_use, total, denied, queued) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (minute, product) DO UPDATE SET in_use = excluded.in_use, total = excluded.total,
         denied = denied + excluded.denied, queued = excluded.queued`,
    );
    this.prune = db.prepare('DELETE FROM history WHERE minute < ?');
    this.rows = db.prepare(
      // Long ranges come back in buckets of `step` minutes, each with its peaks and its denials.
      'SELECT (minute / CAST(? AS INTEGER)) * CAST(? AS INTEGER) AS minute, product, max(in_use) AS in_use, max(total) AS total, sum(denied) AS denied, max(queued) AS queued FROM history WHERE minute >= ? GROUP BY 1, product ORDER BY 1',
    );
  }

  /** Records this minute's figures and prunes samples past retention. */
  sample(entries: PoolEntry[], f: SampleFigures, now: number): void {
    const minute = Math.floor(now / MINUTE);
    this.db.transaction(() => {
      for (const e of entries)
        this.put.run(
          minute,
          e.product,
          f.inUse.get(e.product) ?? 0,
          e.total,
          f.denied.get(e.product) ?? 0,
          f.queued(e.product),
        );
      this.prune.run(minute - this.historyDays * 24 * 60);
    })();
  }

  history(hours: number, entries: PoolEntry[], now: number): SeatHistory {
    const fromMinute = Math.floor(now / MINUTE) - hours * 60;
    // At most ~1,500 points per line, whatever the range (30 days → 30-minute peaks).
    const step = Math.max(1, Math.ceil((hours * 60) / 1500));
    const rows = this.rows.all(step, step, fromMinute);
    const minutes: number[] = [];
    const index = new Map<number, number>();
    for (const r of rows)
      if (!index.has(r.minute)) {
        index.set(r.minute, minutes.length);
        minutes.push(r.minute);
      }
    const names = new Map(entries.map((e) => [e.product, e]));
    const series = new Map<string, SeatHistory['products'][number]>();
    const blank = () => new Array<number | null>(minutes.length).fill(null);
    for (const r of rows) {
      let s = series.get(r.product);
      if (!s) {
        const e = names.get(r.product);
        s = {
          product: r.product,
          // A product no longer in the pool keeps its name (issue 18: names, not ids, in charts).
          name: e?.name ?? productLabel(r.product),
          total: e?.total ?? r.total,
          inUse: blank(),
          denied: blank(),
          queued: blank(),
        };
        series.set(r.product, s);
      }
      const i = index.get(r.minute) as number;
      s.inUse[i] = r.in_use;
      (s.denied as (number | null)[])[i] = r.denied;
      (s.queued as (number | null)[])[i] = r.queued;
    }
    return {
      times: minutes.map((m) => m * 60),
      products: [...series.values()].sort((a, b) => a.name.localeCompare(b.name)),
    };
  }
}
