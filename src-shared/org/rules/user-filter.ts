// The user list's one filter (issue 17, docs/architecture.md "Views update only what changed"):
// search text over email and name, role, cloud credit access mode and product held. Pure: the
// core's org state (src-main/org/state.ts) judges every user with it, and the renderer's list
// turns what the toolbar shows into the query it sends (`org.users`).
import type { CreditAccess, MemberRole } from '../model.ts';

export type CreditMode = CreditAccess['mode'];
export type CreditFilter = 'all' | CreditMode;
export type RoleFilter = 'all' | MemberRole;

/** The toolbar's filter as the user list shows it ('' and 'all' mean "any"). */
export interface UserFilter {
  search: string;
  productCode: string;
  credit: CreditFilter;
  role: RoleFilter;
}

export const NO_FILTER: UserFilter = { search: '', productCode: '', credit: 'all', role: 'all' };

/** The filter as the bridge call `org.users` takes it: only what narrows the list. */
export interface UserFilterQuery {
  search?: string;
  productCode?: string;
  creditMode?: CreditMode;
  role?: MemberRole;
}

export function isFiltered(f: UserFilter): boolean {
  return f.search.trim() !== '' || f.productCode !== '' || f.credit !== 'all' || f.role !== 'all';
}

export function filterQuery(f: UserFilter): UserFilterQuery {
  const q: UserFilterQuery = {};
  if (f.search.trim() !== '') q.search = f.search;
  if (f.productCode !== '') q.productCode = f.productCode;
  if (f.credit !== 'all') q.creditMode = f.credit;
  if (f.role !== 'all') q.role = f.role;
  return q;
}

/** What a user is judged on beyond the row itself; asked only when the query needs it. */
export interface UserFacts {
  holds: (productCode: string) => boolean;
  creditMode: () => CreditMode;
  /** The user's `searchKey`, when the caller keeps it built (a keystroke then lower-cases nothing). */
  searchKey?: () => string;
}

/** What the search text is looked for in: email and name, lower-cased, never matched across. */
export function searchKey(u: { email: string; name: string }): string {
  return `${u.email}\u0000${u.name}`.toLowerCase();
}

/** A query made ready to judge many users: the search text trimmed and lower-cased once. */
export interface UserMatcher {
  readonly any: boolean;
  matches: (u: { email: string; name: string; role: string }, facts: UserFacts) => boolean;
}

export function userMatcher(q: UserFilterQuery): UserMatcher {
  const text = q.search?.trim().toLowerCase() ?? '';
  const any = !text && !q.role && !q.productCode && !q.creditMode;
  return {
    any,
    matches(u, facts) {
      // Cheapest checks first: role and text read the row, product and credit read other tables.
      if (q.role && u.role !== q.role) return false;
      if (text && !(facts.searchKey?.() ?? searchKey(u)).includes(text)) return false;
      if (q.productCode && !facts.holds(q.productCode)) return false;
      if (q.creditMode && facts.creditMode() !== q.creditMode) return false;
      return true;
    },
  };
}
