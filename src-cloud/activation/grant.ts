// One seat, one server (SPEC §6): what a server may be issued now, per purchase. A purchase's
// seats in every live entitlement (unexpired, not replaced by a newer one its server acknowledged)
// never exceed the purchase, so a seat moved or assigned elsewhere waits for the old holder's ack
// or expiry (docs/activation.md "One seat, one server").
import type { Store } from '../store/db.ts';
import type { PurchaseShare } from './shares.ts';

export interface ServerRef {
  id: string;
  position: number;
}

/** Seats per purchase held by live entitlements of servers other than `serverId`. */
export async function heldByOthers(
  db: Store,
  serverId: string,
  purchaseIds: string[],
  now: string,
): Promise<Map<string, number>> {
  const held = new Map<string, number>();
  if (!purchaseIds.length) return held;
  const rows = await db
    .selectFrom('entitlement_seats as s')
    .innerJoin('entitlements as e', 'e.id', 's.entitlement_id')
    .select(['e.server_id', 's.purchase_id', 's.quantity'])
    .where('s.purchase_id', 'in', purchaseIds)
    .where('e.server_id', '!=', serverId)
    .where('e.valid_until', '>', now)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('entitlements as n')
            .select('n.id')
            .whereRef('n.server_id', '=', 'e.server_id')
            .whereRef('n.seq', '>', 'e.seq')
            .where('n.acked_at', 'is not', null),
        ),
      ),
    )
    .execute();
  // A server may be serving any of its live entitlements: count its largest per purchase.
  const perServer = new Map<string, number>();
  for (const r of rows) {
    const k = `${r.server_id}\u0000${r.purchase_id}`;
    perServer.set(k, Math.max(perServer.get(k) ?? 0, r.quantity));
  }
  for (const [k, n] of perServer) {
    const purchase = k.split('\u0000')[1] as string;
    held.set(purchase, (held.get(purchase) ?? 0) + n);
  }
  return held;
}

/**
 * The account's seats per server and purchase as the administrator wants them: moved seats
 * (allocations) to their servers, everything else to the first server (issue 12).
 */
export function desiredSplit(
  servers: ServerRef[],
  shares: PurchaseShare[],
  allocations: Array<{ server_id: string; product_code: string; quantity: number }>,
): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>(servers.map((s) => [s.id, new Map()]));
  const ordered = [...servers].sort((a, b) => a.position - b.position);
  const first = ordered[0];
  if (!first) return out;
  const products = new Set(shares.map((s) => s.productCode));
  for (const product of products) {
    const left = new Map(
      shares.filter((s) => s.productCode === product).map((s) => [s.purchaseId, s.share]),
    );
    const take = (serverId: string, want: number) => {
      const mine = out.get(serverId) as Map<string, number>;
      for (const [purchase, n] of left) {
        if (want <= 0) break;
        const t = Math.min(n, want);
        if (t <= 0) continue;
        mine.set(purchase, (mine.get(purchase) ?? 0) + t);
        left.set(purchase, n - t);
        want -= t;
      }
    };
    for (const s of ordered.slice(1)) {
      const a = allocations.find((x) => x.server_id === s.id && x.product_code === product);
      if (a) take(s.id, a.quantity);
    }
    take(first.id, Number.MAX_SAFE_INTEGER);
  }
  return out;
}
