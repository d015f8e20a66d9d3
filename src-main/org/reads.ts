// The organization as the core's org.* reads answer it (src-main/org/bridge.ts): the user list,
// every id a filter matches, the invitations and the purchases, from the replica with the pending
// changes laid over (state.ts), for the signed-in account only.
import type {
  OrgInvitationRow,
  OrgPurchaseRow,
  OrgUsersPage,
} from '../../src-shared/domain/org.ts';
import type { ProductNames } from './product-names.ts';
import type { OrgState, UsersQuery } from './state.ts';

export interface OrgReadsOptions {
  state: OrgState;
  names: ProductNames;
  /** Throws when nobody is signed in. */
  requireSession: () => void;
  /** The signed-in account's email; throws when nobody is signed in. */
  email: () => string;
}

export class OrgReads {
  readonly #o: OrgReadsOptions;

  constructor(opts: OrgReadsOptions) {
    this.#o = opts;
  }

  /** The organization's users from the replica, pending changes included (admins only). */
  users(q: UsersQuery, now: string): OrgUsersPage {
    this.#o.requireSession();
    return this.#o.state.users(q, (c) => this.#o.names.name(c), now);
  }

  /** Every user a filter matches, as ids in the list's order (admins only). */
  userIds(q: UsersQuery): { ids: string[]; total: number } {
    this.#o.requireSession();
    return this.#o.state.userIds(q);
  }

  invitations(filter: { status?: string; mine?: boolean }): OrgInvitationRow[] {
    return this.#o.state.invitations(filter, this.#o.email());
  }

  purchases(): OrgPurchaseRow[] {
    this.#o.requireSession();
    return this.#o.state.purchases((c) => this.#o.names.name(c));
  }
}
