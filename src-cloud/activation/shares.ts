// Whose seats an account's servers serve, per purchase: the same rule as views/pool.ts (§3
// "Central license server"), kept per purchase so the registry can hold each purchase's limit.
import type { Store } from '../store/db.ts';
import { personalOnlyTerms } from '../views/licenses.ts';
import { organizationOf } from '../views/organization.ts';

export interface PurchaseShare {
  purchaseId: string;
  productCode: string;
  /** What the purchase has in all. */
  quantity: number;
  /** What this account's servers may serve of it. */
  share: number;
}

export interface Shares {
  whose: 'organization' | 'own';
  shares: PurchaseShare[];
}

export async function sharesOf(db: Store, accountId: string, now: string): Promise<Shares> {
  const org = await organizationOf(db, accountId);
  const isAdmin = org?.role === 'administrator';
  const own = await db
    .selectFrom('purchases')
    .select(['id', 'product_code', 'quantity', 'term'])
    .where('account_id', '=', accountId)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
    .orderBy('id')
    .execute();
  const shares: PurchaseShare[] = [];
  for (const p of own) {
    let n = p.quantity;
    if (isAdmin && !(personalOnlyTerms as readonly string[]).includes(p.term)) {
      const given = await db
        .selectFrom('assignments')
        .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('quantity'), eb.lit(0)).as('k'))
        .where('purchase_id', '=', p.id)
        .where('account_id', '!=', accountId)
        .executeTakeFirstOrThrow();
      n -= Number(given.k);
    }
    shares.push({
      purchaseId: p.id,
      productCode: p.product_code,
      quantity: p.quantity,
      share: Math.max(0, n),
    });
  }
  const assigned = await db
    .selectFrom('assignments as s')
    .innerJoin('purchases as p', 'p.id', 's.purchase_id')
    .select(['p.id', 'p.product_code', 'p.quantity as total', 's.quantity', 'p.account_id'])
    .where('s.account_id', '=', accountId)
    .where('p.account_id', '!=', accountId)
    .where((eb) => eb.or([eb('p.expires_at', 'is', null), eb('p.expires_at', '>', now)]))
    .orderBy('p.id')
    .execute();
  const byPurchase = new Map<string, PurchaseShare>();
  for (const s of assigned) {
    const e = byPurchase.get(s.id) ?? {
      purchaseId: s.id,
      productCode: s.product_code,
      quantity: s.total,
      share: 0,
    };
    e.share += s.quantity;
    byPurchase.set(s.id, e);
  }
  shares.push(...byPurchase.values());
  return { whose: isAdmin ? 'organization' : 'own', shares: shares.filter((s) => s.share > 0) };
}
