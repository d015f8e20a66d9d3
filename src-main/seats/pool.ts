// The seat pool: per product, the sum of what every seat source offers (cloud entitlement,
// dongles, borrowed seats), and which products have more live leases than seats.
import type { Statement } from 'better-sqlite3';
import type { SeatSourceCount, SeatSourceKind } from '../../src-shared/bridge/calls/seats.ts';
import { productLabel } from '../../src-shared/products.ts';
import type { SeatDb } from './db.ts';

export interface SourceSeat {
  product: string;
  name: string;
  total: number;
}

export interface SeatSource {
  id: string;
  seats(): SourceSeat[];
  /** Called when the source's seats change (a dongle unplugged, a new pool fetched). */
  onChange?(listener: () => void): () => void;
}

export interface PoolEntry {
  product: string;
  name: string;
  total: number;
  sources: SeatSourceCount[];
}

interface Attached {
  source: SeatSource;
  kind: SeatSourceKind;
  off?: () => void;
}

export class SeatPool {
  private readonly attached = new Map<string, Attached>();
  private totals = new Map<string, number>();
  private list: PoolEntry[] = [];
  private oversubscribed = new Set<string>();
  readonly cache: PoolCache;

  constructor(
    db: SeatDb,
    private readonly changed: () => void,
    private readonly liveCounts: () => Map<string, number>,
  ) {
    this.cache = new PoolCache(db);
  }

  add(source: SeatSource, kind: SeatSourceKind): void {
    this.remove(source.id);
    const a: Attached = { source, kind };
    a.off = source.onChange?.(() => this.refresh());
    this.attached.set(source.id, a);
    this.refresh();
  }

  remove(id: string): void {
    const a = this.attached.get(id);
    if (!a) return;
    a.off?.();
    this.attached.delete(id);
    this.refresh();
  }

  /** Recomputes the pool from every source. */
  refresh(): void {
    const byProduct = new Map<string, PoolEntry>();
    for (const { source, kind } of this.attached.values()) {
      for (const s of source.seats()) {
        if (!(s.total > 0)) continue;
        let e = byProduct.get(s.product);
        if (!e) {
          e = { product: s.product, name: productLabel(s.product, s.name), total: 0, sources: [] };
          byProduct.set(s.product, e);
        }
        e.total += s.total;
        e.sources.push({ source: source.id, kind, total: s.total });
      }
    }
    this.list = [...byProduct.values()].sort((a, b) => a.name.localeCompare(b.name));
    this.totals = new Map(this.list.map((e) => [e.product, e.total]));
    this.recheck();
    this.changed();
  }

  /** Marks products whose live leases exceed their total (after the pool shrank). */
  recheck(): void {
    const over = new Set<string>();
    for (const [product, n] of this.liveCounts())
      if (n > (this.totals.get(product) ?? 0)) over.add(product);
    this.oversubscribed = over;
  }

  total(product: string): number | undefined {
    return this.totals.get(product);
  }

  isOversubscribed(product: string): boolean {
    return this.oversubscribed.size > 0 && this.oversubscribed.has(product);
  }

  entries(): PoolEntry[] {
    return this.list;
  }

  close(): void {
    for (const a of this.attached.values()) a.off?.();
    this.attached.clear();
  }
}

/** The last seats a source offered, kept in seats.sqlite so a restart offline still serves them. */
export class PoolCache {
  private readonly load: Statement<[string], SourceSeat>;
  private readonly clear: Statement<[string]>;
  private readonly put: Statement<[string, string, string, string, number]>;
  private readonly getMeta: Statement<[string], string>;
  private readonly putMeta: Statement<[string, string]>;
  private readonly saveAll: (source: string, kind: SeatSourceKind, seats: SourceSeat[]) => void;

  constructor(db: SeatDb) {
    this.load = db.prepare(
      'SELECT product, name, total FROM pool_cache WHERE source = ? ORDER BY product',
    );
    this.clear = db.prepare('DELETE FROM pool_cache WHERE source = ?');
    this.put = db.prepare(
      'INSERT OR REPLACE INTO pool_cache (source, kind, product, name, total) VALUES (?, ?, ?, ?, ?)',
    );
    this.getMeta = db.prepare('SELECT value FROM meta WHERE key = ?').pluck() as Statement<
      [string],
      string
    >;
    this.putMeta = db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)');
    this.saveAll = db.transaction((source: string, kind: SeatSourceKind, seats: SourceSeat[]) => {
      this.clear.run(source);
      for (const s of seats) this.put.run(source, kind, s.product, s.name, s.total);
    });
  }

  seats(source: string): SourceSeat[] {
    return this.load.all(source);
  }

  save(source: string, kind: SeatSourceKind, seats: SourceSeat[]): void {
    this.saveAll(source, kind, seats);
  }

  meta(key: string): string | undefined {
    return this.getMeta.get(key);
  }

  setMeta(key: string, value: string): void {
    this.putMeta.run(key, value);
  }
}

/** A source whose seats are set from outside (tests, the cloud pool), persisted in the cache. */
export class CachedSeatSource implements SeatSource {
  private current: SourceSeat[];
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly cache: PoolCache,
    readonly id: string,
    private readonly kind: SeatSourceKind = 'entitlement',
  ) {
    this.current = cache.seats(id);
  }

  seats(): SourceSeat[] {
    return this.current;
  }

  set(seats: SourceSeat[]): void {
    this.current = seats.map((s) => ({ product: s.product, name: s.name, total: s.total }));
    this.cache.save(this.id, this.kind, this.current);
    for (const l of this.listeners) l();
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
