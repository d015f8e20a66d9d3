// Seat service under many live leases, and the queue's hand-over (issue 20):
// - seats.leases_held_ratio: checkout → heartbeat → release throughput (group-committed batches
//   of 100, as the HTTP handler commits them) with 10,000 live leases held, as a ratio to the
//   same run with 100 held (goal ≥ 0.9: the hot path must not scan the leases);
// - seats.queue_grant_p99_ms: from a release to the queued checkout's grant (goal ≤ 10 ms).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CachedSeatSource } from '../src-main/seats/pool.ts';
import { SeatService } from '../src-main/seats/service.ts';
import type { LeaseOp } from '../src-main/seats/types.ts';
import { atLeast, atMost, median, type Bench } from './lib.ts';

const BATCH = 100;
const SECONDS = 2;

function service(total: number): { svc: SeatService; done(): Promise<void> } {
  const dir = mkdtempSync(join(tmpdir(), 'clm-bench-queue-'));
  const svc = new SeatService({ dataDir: dir, reapIntervalMs: 0, sampleIntervalMs: 0 });
  const pool = new CachedSeatSource(svc.pool.cache, 'fixed');
  pool.set([{ product: 'vray', name: 'V-Ray', total }]);
  svc.addSource(pool);
  return {
    svc,
    done: async () => {
      await svc.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const body = (id: string) => ({ product: 'vray', user: `u${id}`, host: `h${id}`, clientId: id });

/** Lease cycles per second with `held` live leases in the table. */
async function throughput(held: number): Promise<number> {
  const { svc, done } = service(held + BATCH);
  try {
    for (let i = 0; i < held; i += BATCH)
      svc.applyBatch(
        Array.from({ length: Math.min(BATCH, held - i) }, (_, k) => ({
          kind: 'checkout' as const,
          body: body(`held-${i + k}`),
        })),
      );
    let cycles = 0;
    let round = 0;
    const end = performance.now() + SECONDS * 1000;
    while (performance.now() < end) {
      const ids = Array.from({ length: BATCH }, (_, k) => `c${round}-${k}`);
      const got = svc.applyBatch(ids.map((id) => ({ kind: 'checkout', body: body(id) })));
      const leases = got.flatMap((r) =>
        !(r instanceof Error) && r.ok && 'leaseId' in r ? [r.leaseId] : [],
      );
      if (leases.length !== BATCH) throw new Error(`only ${leases.length} of ${BATCH} granted`);
      svc.applyBatch(leases.map((leaseId): LeaseOp => ({ kind: 'heartbeat', leaseId })));
      svc.applyBatch(leases.map((leaseId): LeaseOp => ({ kind: 'release', leaseId })));
      cycles += BATCH;
      round++;
      await new Promise((r) => setImmediate(r)); // let the usage log write, as the server does
    }
    return cycles / SECONDS;
  } finally {
    await done();
  }
}

async function queueGrantP99(): Promise<number> {
  const { svc, done } = service(1);
  try {
    const times: number[] = [];
    let releasedAt = 0;
    svc.onQueueGrant(() => times.push(performance.now() - releasedAt));
    let holder = svc.checkout(body('first'));
    for (let i = 0; i < 2000; i++) {
      const waiter = body(`w${i}`);
      svc.checkout({ ...waiter, wait: 60 });
      if (!holder.ok) throw new Error('the holder has no lease');
      releasedAt = performance.now();
      svc.release(holder.leaseId);
      holder = svc.checkout(waiter); // its own lease back: the seat it was granted
      if (i % 100 === 0) await new Promise((r) => setImmediate(r));
    }
    if (times.length !== 2000) throw new Error(`${times.length} of 2000 waiters granted`);
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length * 0.99)] as number;
  } finally {
    await done();
  }
}

const bench: Bench = async () => {
  const small: number[] = [];
  const large: number[] = [];
  for (let r = 0; r < 2; r++) {
    small.push(await throughput(100));
    large.push(await throughput(10_000));
  }
  const ratio = median(large) / median(small);
  return [
    atLeast('seats.leases_held_ratio', Math.round(ratio * 1000) / 1000, 'ratio', 0.9),
    atMost('seats.queue_grant_p99_ms', Math.round((await queueGrantP99()) * 1000) / 1000, 'ms', 10),
  ];
};

export default bench;
