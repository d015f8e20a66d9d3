// What the assignment wizard offers and foresees: products with their purchases (expiration
// dates) and free seats, the purchase picked by default, and who would go without a seat.
import type { OrgPurchaseRow, OrgUserRow } from '../../../../src-shared/domain/org.ts';
import { isLockedTerm } from '../../../../src-shared/org/model.ts';
import { formatDate } from '../../../format/time.ts';

export interface ProductGroup {
  code: string;
  name: string;
  /** Purchases of the product that can be assigned, soonest expiry first. */
  purchases: OrgPurchaseRow[];
  seats: number;
  free: number;
}

export const freeOf = (p: OrgPurchaseRow): number => Math.max(0, p.quantity - p.assigned);

export const expiryLabel = (p: OrgPurchaseRow): string =>
  p.expiresAt ? `Expires ${formatDate(p.expiresAt)}` : 'No expiration date';

export const termLabel = (t: string): string => t.charAt(0).toUpperCase() + t.slice(1);

/**
 * Trial and beta licenses are not the admin's to assign (docs/sources.md, Portal guide §XII);
 * expired ones neither.
 */
export function productGroups(purchases: OrgPurchaseRow[], now: string): ProductGroup[] {
  const by = new Map<string, ProductGroup>();
  for (const p of purchases) {
    if (isLockedTerm(p.term) || (p.expiresAt !== null && p.expiresAt <= now)) continue;
    const g = by.get(p.productCode) ?? {
      code: p.productCode,
      name: p.productName,
      purchases: [],
      seats: 0,
      free: 0,
    };
    g.purchases.push(p);
    g.seats += p.quantity;
    g.free += freeOf(p);
    by.set(p.productCode, g);
  }
  for (const g of by.values())
    g.purchases.sort((a, b) => (a.expiresAt ?? '9999').localeCompare(b.expiresAt ?? '9999'));
  return [...by.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** The soonest-expiring purchase with a seat for everyone, else the one with the most free seats. */
export function defaultPurchase(g: ProductGroup, users: number): string {
  const enough = g.purchases.find((p) => freeOf(p) >= users);
  if (enough) return enough.id;
  const most = [...g.purchases].sort((a, b) => freeOf(b) - freeOf(a))[0];
  return most?.id ?? '';
}

/** The users (in order, as the cloud applies them) beyond the purchase's free seats. */
export function withoutSeat(p: OrgPurchaseRow, users: OrgUserRow[]): OrgUserRow[] {
  return users.slice(freeOf(p));
}

/** "a@x, b@y and 3 more" */
export function listEmails(users: OrgUserRow[], shown = 3): string {
  const names = users.slice(0, shown).map((u) => u.email);
  const more = users.length - names.length;
  if (more > 0) return `${names.join(', ')} and ${more} more`;
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
