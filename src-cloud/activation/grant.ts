// One seat, one server (docs/requirements.md §6): what a server may be issued now, per purchase. A purchase's
// seats in every live entitlement (unexpired, not replaced by a newer one its server acknowledged)
// never exceed the purchase, so a seat moved or assigned elsewhere waits for the old holder's ack
// or expiry (docs/activation.md "One seat, one server").
import type { Store } from '../store/db.ts';
import type { PurchaseShare } from './shares.ts';

export interface ServerRef {
  id: string;
  position: number;
}

/** Per purchase, per account: seats held by live entitlements of servers other than one. */
export type Held = Map<string, Map<string, number>>;

/** Seats per purchase and account held by live entitlements of servers other than `serverId`. */
export async function heldByOthers(
  db: Store,
  serverId: string,
  purchaseIds: string[],
  now: string,
): Promise<Held> {
  const held: Held = new Map();
  if (!purchaseIds.length) return held;
  const rows = await db
    .selectFrom('entitlement_seats as s')
    .innerJoin('entitlements as e', 'e.id', 's.entitlement_id')
    .innerJoin('license_servers as ls', 'ls.id', 'e.server_id')
    .select(['e.server_id', 'ls.account_id', 's.purchase_id', 's.quantity'])
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
  const perServer = new Map<string, { n: number; account: string; purchase: string }>();
  for (const r of rows) {
    const k = `${r.server_id}\u0000${r.purchase_id}`;
    const n = Math.max(perServer.get(k)?.n ?? 0, r.quantity);
    perServer.set(k, { n, account: r.account_id, purchase: r.purchase_id });
  }
  for (const { n, account, purchase } of perServer.values()) {
    const m = held.get(purchase) ?? new Map<string, number>();
    m.set(account, (m.get(account) ?? 0) + n);
    held.set(purchase, m);
  }
  return held;
}

/** Who is owed each purchase's seats now: the members their assignments, the owner the rest. */
export async function owedOf(db: Store, purchaseIds: string[]): Promise<Held> {
  const owed: Held = new Map();
  if (!purchaseIds.length) return owed;
  const purchases = await db
    .selectFrom('purchases')
    .select(['id', 'account_id', 'quantity'])
    .where('id', 'in', purchaseIds)
    .execute();
  const given = await db
    .selectFrom('assignments')
    .select(['purchase_id', 'account_id', 'quantity'])
    .where('purchase_id', 'in', purchaseIds)
    .execute();
  for (const p of purchases) {
    const m = new Map<string, number>([[p.account_id, p.quantity]]);
    for (const g of given.filter((x) => x.purchase_id === p.id && x.account_id !== p.account_id)) {
      m.set(g.account_id, (m.get(g.account_id) ?? 0) + g.quantity);
      m.set(p.account_id, (m.get(p.account_id) ?? 0) - g.quantity);
    }
    owed.set(p.id, m);
  }
  return owed;
}

/**
 * What a server of `accountId` may be issued of a purchase: the account's share, less what its
 * other servers hold, less every other account's surplus (seats it holds beyond what it is owed
 * now: they are not free until its servers acknowledge a smaller entitlement or it expires).
 */
export function freeFor(
  accountId: string,
  share: number,
  held: Map<string, number> | undefined,
  owed: Map<string, number> | undefined,
): number {
  let free = share - (held?.get(accountId) ?? 0);
  for (const [account, n] of held ?? [])
    if (account !== accountId) free -= Math.max(0, n - Math.max(0, owed?.get(account) ?? 0));
  return Math.max(0, free);
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
