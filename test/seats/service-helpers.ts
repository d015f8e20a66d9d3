// An in-process seat service on a manual clock, for the queue, rules, revival and usage-log tests.
import { manualClock, type ManualClock } from '../../src-shared/clock.ts';
import { parseRules } from '../../src-shared/seats/rules.ts';
import { CachedSeatSource } from '../../src-main/seats/pool.ts';
import { SeatService } from '../../src-main/seats/service.ts';
import type { CheckoutInput, SeatServiceOptions } from '../../src-main/seats/types.ts';
import { tempDir } from './helpers.ts';

export interface TestService {
  svc: SeatService;
  clock: ManualClock;
  dir: string;
  pool: CachedSeatSource;
  close(): Promise<void>;
}

export function testService(
  seats: Record<string, number>,
  opts: Partial<SeatServiceOptions> & { rules?: string; dir?: string } = {},
): TestService {
  const d = opts.dir ? { dir: opts.dir, remove() {} } : tempDir();
  const clock = manualClock(Date.now());
  const svc = new SeatService({
    dataDir: d.dir,
    clock,
    reapIntervalMs: 0,
    sampleIntervalMs: 0,
    ...opts,
  });
  const pool = new CachedSeatSource(svc.pool.cache, 'fixed');
  pool.set(Object.entries(seats).map(([product, total]) => ({ product, name: product, total })));
  svc.addSource(pool);
  if (opts.rules !== undefined) svc.setRules(parseRules(opts.rules));
  return {
    svc,
    clock,
    dir: d.dir,
    pool,
    close: async () => {
      await svc.close();
      if (!opts.dir) d.remove();
    },
  };
}

/** A checkout body for client `id` (user `id` unless given). */
export function who(id: string, more: Partial<CheckoutInput> = {}): CheckoutInput {
  return { product: 'vray', user: id, host: `${id}-host`, clientId: id, ...more };
}
