// The organization's user list as the core answers it: the one filter
// (src-shared/org/rules/user-filter.ts) judged over the users sorted once until a pull changes
// them, a page of full rows, the matching ids, and the organization's count. Users a pending
// change touched are judged on their rows with the effects applied (OrgState).
import type { FeedTable, UserRow } from '../../src-shared/cloud-api/sync.ts';
import type { OrgUserRow, OrgUsersPage } from '../../src-shared/domain/org.ts';
import { availableCredits, creditAccessLabel } from '../../src-shared/org/rules/credits.ts';
import {
  searchKey,
  userMatcher,
  type CreditMode,
  type UserFacts,
  type UserFilterQuery,
} from '../../src-shared/org/rules/user-filter.ts';
import type { OrgStore, UserIndexRow } from '../store/org-store.ts';
import type { OrgState } from './state.ts';

/** The one filter (src-shared/org/rules/user-filter.ts), a page of it, or named users. */
export interface UsersQuery extends UserFilterQuery {
  /** Only these users (a view refreshing the rows a change touched). */
  ids?: string[];
  page?: number;
  pageSize?: number;
}

/** The user list's order: by name, then email, as people read them (not by code point). */
const collator = new Intl.Collator();

/** Every pulled user in the list's order, with its search key: kept until a pull changes users. */
interface UserIndex {
  rows: UserIndexRow[];
  keys: string[];
  ids: Set<string>;
}

/** The list's order of two users: by name, then email. */
const byName = (a: UserIndexRow, b: UserIndexRow) =>
  collator.compare(a.name, b.name) || collator.compare(a.email, b.email);

export class UserList {
  readonly #state: OrgState;
  readonly #store: OrgStore;
  #index: UserIndex | null = null;

  constructor(state: OrgState, store: OrgStore) {
    this.#state = state;
    this.#store = store;
  }

  /** Drops the sorted users when a pull wrote the users table (none named: anything may have). */
  invalidate(pulled?: readonly FeedTable[]): void {
    if (!pulled || pulled.includes('users')) this.#index = null;
  }

  /**
   * The pulled users sorted once until a pull changes them, so a keystroke or a page turn is one linear pass
   * (no sort, no lower-casing) however large the organization.
   */
  #sorted(): UserIndex {
    if (!this.#index) {
      const rows = this.#store.userIndex().sort(byName);
      this.#index = { rows, keys: rows.map(searchKey), ids: new Set(rows.map((r) => r.id)) };
    }
    return this.#index;
  }

  /**
   * The users a query matches, in the list's order, and how many users the organization has.
   * Pulled users are judged on the sorted index; users a pending change touched on their rows
   * with the effects applied, and merged into their place.
   */
  #match(q: UsersQuery): { matches: UserIndexRow[]; all: number } {
    const matcher = userMatcher(q);
    const touched = this.#state.pendingUsers();
    // Named users are read alone: the sorted index is built only for a scan.
    const index = q.ids ? null : this.#sorted();
    const holders = q.productCode ? this.#store.productHolders(q.productCode) : null;
    const modes = q.creditMode ? this.#store.creditModes() : null;
    // Pulled users' facts: the product's holders and the credit modes, read once per query; one
    // object for the whole scan (no allocation per user at 100,000).
    let cur = '';
    let curKey = '';
    const pulledFacts: UserFacts = {
      holds: () => holders?.has(cur) === true,
      creditMode: () => (modes?.get(cur) ?? 'disabled') as CreditMode,
      searchKey: () => curKey,
    };
    const pendingFacts = (id: string): UserFacts => ({
      holds: (code) => this.#state.assignmentsOf(id).some((a) => a.productCode === code),
      creditMode: () => this.#state.accessOf(id).access.mode,
    });
    let all = index ? index.rows.length : this.#store.count('users');
    const mine: UserIndexRow[] = [];
    for (const id of touched) {
      const u = this.#state.user(id);
      const pulled = index ? index.ids.has(id) : this.#store.row('users', id) !== null;
      all += (u ? 1 : 0) - (pulled ? 1 : 0);
      if (u && (!q.ids || q.ids.includes(id)) && matcher.matches(u, pendingFacts(id)))
        mine.push({ id: u.id, name: u.name, email: u.email, role: u.role });
    }
    let matches: UserIndexRow[] = [];
    if (!index) {
      // A few rows by id: read them alone instead of scanning the whole index.
      for (const id of new Set(q.ids ?? [])) {
        if (touched.has(id)) continue;
        const u = this.#store.row('users', id) as UserRow | null;
        if (!u) continue;
        cur = id;
        curKey = searchKey(u);
        if (matcher.matches(u, pulledFacts))
          matches.push({ id, name: u.name, email: u.email, role: u.role });
      }
      matches.sort(byName);
    } else if (matcher.any && touched.size === 0) {
      matches = index.rows;
    } else {
      const { rows, keys } = index;
      for (let i = 0; i < rows.length; i++) {
        const u = rows[i] as UserIndexRow;
        if (touched.has(u.id)) continue;
        cur = u.id;
        curKey = keys[i] as string;
        if (matcher.matches(u, pulledFacts)) matches.push(u);
      }
    }
    if (mine.length) matches = mergeSorted(matches, mine.sort(byName));
    return { matches, all };
  }

  /** The ids of every user a query matches, in the list's order (select all, export). */
  ids(q: UsersQuery): { ids: string[]; total: number } {
    const ids = this.#match(q).matches.map((u) => u.id);
    return { ids, total: ids.length };
  }

  /**
   * A page of the user list: the filter is judged on the sorted index; full rows are read for
   * the page alone.
   */
  page(q: UsersQuery, productName: (code: string) => string, now: string): OrgUsersPage {
    const org = this.#state.organization();
    const pool = this.#state.poolBalance(now);
    const touched = this.#state.pendingUsers();
    const { matches, all } = this.#match(q);
    const pageSize = q.pageSize ?? 50;
    const page = q.page ?? 0;
    const users = matches.slice(page * pageSize, (page + 1) * pageSize).map((m): OrgUserRow => {
      const u = this.#state.user(m.id) as UserRow & { pending?: boolean };
      const { access, used } = this.#state.accessOf(u.id);
      return {
        id: u.id,
        email: u.email,
        name: u.name,
        role: u.role,
        joinedAt: u.joinedAt,
        products: this.#state.assignmentsOf(u.id).map((a) => ({
          productCode: a.productCode,
          productName: productName(a.productCode),
          purchaseId: a.purchaseId,
          quantity: a.quantity,
          borrowed: this.#state.borrowedSeats(u.id, now, a.purchaseId),
          borrowedUntil: this.#state.borrowedUntil(u.id, now, a.purchaseId),
          pending: a.pending === true,
        })),
        creditAccess: {
          ...access,
          used,
          available: availableCredits(access, used, pool),
          label: creditAccessLabel(access, used, pool),
        },
        pending: u.pending === true || touched.has(u.id),
      };
    });
    return {
      organization: org ? { id: org.id, name: org.name } : null,
      poolBalance: pool,
      total: matches.length,
      all,
      page,
      pageSize,
      users,
    };
  }
}

/** Two lists in the list's order made one (the few users a pending change touched, into place). */
function mergeSorted(a: readonly UserIndexRow[], b: readonly UserIndexRow[]): UserIndexRow[] {
  const out: UserIndexRow[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (y === undefined || (x !== undefined && byName(x, y) <= 0)) {
      out.push(x as UserIndexRow);
      i++;
    } else {
      out.push(y);
      j++;
    }
  }
  return out;
}
