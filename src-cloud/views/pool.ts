// The seats an account's license server may serve (§3 "Central license server"), per product.
import type { PoolEntry } from '../../src-shared/cloud-api/schemas.ts';
import type { Store } from '../store/db.ts';
import { organizationOf } from './organization.ts';
import { personalOnlyTerms } from './licenses.ts';

/**
 * An administrator's server serves the organization's N seats minus the K assigned to other users
 * (those appear on the users' own machines), plus the administrator's own trials and betas.
 * Anyone else's server serves their personal purchases plus the seats assigned to them.
 * Expired purchases serve nothing.
 */
export async function poolOf(db: Store, accountId: string, now: string): Promise<PoolEntry[]> {
  const org = await organizationOf(db, accountId);
  const totals = new Map<string, number>();
  const add = (code: string, n: number) => totals.set(code, (totals.get(code) ?? 0) + n);

  const own = await db
    .selectFrom('purchases')
    .select(['id', 'product_code', 'quantity', 'term'])
    .where('account_id', '=', accountId)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
    .execute();
  for (const p of own) {
    let n = p.quantity;
    if (
      org?.role === 'administrator' &&
      !(personalOnlyTerms as readonly string[]).includes(p.term)
    ) {
      const given = await db
        .selectFrom('assignments')
        .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('quantity'), eb.lit(0)).as('k'))
        .where('purchase_id', '=', p.id)
        .where('account_id', '!=', accountId)
        .executeTakeFirstOrThrow();
      n -= Number(given.k);
    }
    add(p.product_code, Math.max(0, n));
  }

  const assigned = await db
    .selectFrom('assignments as s')
    .innerJoin('purchases as p', 'p.id', 's.purchase_id')
    .select(['p.product_code', 's.quantity', 'p.account_id'])
    .where('s.account_id', '=', accountId)
    .where((eb) => eb.or([eb('p.expires_at', 'is', null), eb('p.expires_at', '>', now)]))
    .execute();
  // An administrator's seats assigned to themself are already counted among their own purchases.
  for (const s of assigned) if (s.account_id !== accountId) add(s.product_code, s.quantity);

  if (totals.size === 0) return [];
  const products = await db
    .selectFrom('products')
    .selectAll()
    .where('code', 'in', [...totals.keys()])
    .orderBy('sort_order')
    .execute();
  return products
    .map((p) => ({
      productCode: p.code,
      productName: p.name,
      licenseType: p.license_type,
      total: totals.get(p.code) ?? 0,
    }))
    .filter((e) => e.total > 0);
}
