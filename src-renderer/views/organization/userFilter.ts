// The user list's filter as the toolbar shows it; who matches is judged by the core's one filter
// (src-shared/org/rules/user-filter.ts, `org.users`). Here: the Product filter's choices.
import type { OrgUserRow } from '../../../src-shared/domain/org.ts';

export {
  NO_FILTER,
  isFiltered,
  type CreditFilter,
  type RoleFilter,
  type UserFilter,
} from '../../../src-shared/org/rules/user-filter.ts';

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
