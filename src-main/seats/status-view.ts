// The license server's status (`/seat/v1/status`, `seats.status`, `clm status`): per product
// the pool, every live lease and the queue in the order it is served.
import type {
  SeatProductStatus,
  SeatStatus,
  SeatWaiterView,
} from '../../src-shared/bridge/calls/seats.ts';
import type { PoolEntry } from './pool.ts';
import type { SeatQueue } from './queue.ts';
import type { LeaseRow } from './statements.ts';

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function waiters(queue: SeatQueue, product: string): SeatWaiterView[] {
  return queue.of(product).map((w, i) => ({
    position: i + 1,
    queueId: w.queueId,
    clientId: w.body.clientId,
    user: w.body.user,
    host: w.body.host,
    priority: w.priority,
    since: iso(w.since),
    until: iso(queue.until(w)),
  }));
}

export function statusOf(
  now: number,
  leases: LeaseRow[],
  entries: PoolEntry[],
  queue: SeatQueue,
  head: Pick<SeatStatus, 'heartbeatSeconds' | 'leaseSeconds' | 'server' | 'alerts'>,
): SeatStatus {
  const byProduct = new Map<string, SeatProductStatus>();
  for (const e of entries)
    byProduct.set(e.product, { ...e, inUse: 0, leases: [], queue: waiters(queue, e.product) });
  for (const r of leases) {
    if (r.expires_at <= now) continue;
    let p = byProduct.get(r.product);
    if (!p) {
      p = { product: r.product, name: r.product, total: 0, inUse: 0, sources: [], leases: [] };
      byProduct.set(r.product, p);
    }
    p.inUse++;
    p.leases.push({
      leaseId: r.lease_id,
      clientId: r.client_id,
      user: r.user,
      host: r.host,
      since: iso(r.since),
      lastHeartbeat: iso(r.last_heartbeat),
      expiresAt: iso(r.expires_at),
    });
  }
  return {
    at: iso(now),
    ...head,
    products: [...byProduct.values()].sort((a, b) => a.name.localeCompare(b.name)),
  };
}
