// Filters the organization's users in memory: text over email and name, product, credit access, role.
import type { OrgUserRow } from '../../../src-shared/domain/org.ts';

export type CreditFilter = 'all' | 'disabled' | 'limit' | 'unlimited';
export type RoleFilter = 'all' | 'member' | 'guest';

export interface UserFilter {
  search: string;
  productCode: string;
  credit: CreditFilter;
  role: RoleFilter;
}

export const NO_FILTER: UserFilter = { search: '', productCode: '', credit: 'all', role: 'all' };

// One lower-cased "email name" string per user, built once per loaded list (a keystroke then
// costs one includes() per user, ~1 ms at 10,000).
const keys = new WeakMap<readonly OrgUserRow[], string[]>();

function searchKeys(users: readonly OrgUserRow[]): string[] {
  let k = keys.get(users);
  if (!k) {
    k = users.map((u) => `${u.email}\u0000${u.name}`.toLowerCase());
    keys.set(users, k);
  }
  return k;
}

export function isFiltered(f: UserFilter): boolean {
  return f.search.trim() !== '' || f.productCode !== '' || f.credit !== 'all' || f.role !== 'all';
}

export function filterUsers(users: readonly OrgUserRow[], f: UserFilter): readonly OrgUserRow[] {
  if (!isFiltered(f)) return users;
  const text = f.search.trim().toLowerCase();
  const k = searchKeys(users);
  const out: OrgUserRow[] = [];
  for (let i = 0; i < users.length; i++) {
    const u = users[i] as OrgUserRow;
    if (f.role !== 'all' && u.role !== f.role) continue;
    if (f.credit !== 'all' && u.creditAccess.mode !== f.credit) continue;
    if (text && !(k[i] as string).includes(text)) continue;
    if (f.productCode && !u.products.some((p) => p.productCode === f.productCode)) continue;
    out.push(u);
  }
  return out;
}

/** The organization's products and any a user holds, by name, for the Product filter. */
export function productChoices(
  users: readonly OrgUserRow[],
  // The organization's own purchases too: a product nobody holds yet is still one to filter by
  // (issue 18), and shows "No users match" rather than being missing from the list.
  purchases: readonly { productCode: string; productName: string }[] = [],
): { code: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const p of purchases) seen.set(p.productCode, p.productName);
  for (const u of users) for (const p of u.products) seen.set(p.productCode, p.productName);
  return [...seen]
    .map(([code, name]) => ({ code, name }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
