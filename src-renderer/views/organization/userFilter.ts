// The user list's filter over loaded rows; the rules are the core's one filter
// (src-shared/org/rules/user-filter.ts), so the list and `org.users` agree on who matches.
import type { OrgUserRow } from '../../../src-shared/domain/org.ts';
import {
  filterQuery,
  searchKey,
  userMatcher,
  type UserFilter,
} from '../../../src-shared/org/rules/user-filter.ts';

export {
  NO_FILTER,
  isFiltered,
  type CreditFilter,
  type RoleFilter,
  type UserFilter,
} from '../../../src-shared/org/rules/user-filter.ts';

// One search key per user, built once per loaded list (a keystroke then costs one includes() per
// user, ~1 ms at 10,000).
const keys = new WeakMap<readonly OrgUserRow[], string[]>();

function searchKeys(users: readonly OrgUserRow[]): string[] {
  let k = keys.get(users);
  if (!k) {
    k = users.map(searchKey);
    keys.set(users, k);
  }
  return k;
}

/** The loaded rows the filter keeps, judged by the core's one filter on what each row shows. */
export function filterUsers(users: readonly OrgUserRow[], f: UserFilter): readonly OrgUserRow[] {
  const matcher = userMatcher(filterQuery(f));
  if (matcher.any) return users;
  const k = searchKeys(users);
  return users.filter((u, i) =>
    matcher.matches(u, {
      holds: (code) => u.products.some((p) => p.productCode === code),
      creditMode: () => u.creditAccess.mode,
      searchKey: () => k[i] as string,
    }),
  );
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
