// The organization as the views see it: pulled rows with pending optimistic effects laid over
// them. The user list is answered from SQLite page by page; the whole-organization snapshot the
// admin pre-checks use is built on demand and dropped after each commit (apply-after-commit).
import type {
  AssignmentRow,
  BorrowRow,
  CreditAccessRow,
  CreditLotRow,
  FeedTable,
  InvitationRow,
  OrganizationRow,
  PurchaseRow,
  UserRow,
} from '../../src-shared/cloud-api/sync.ts';
import type {
  OrgInvitationRow,
  OrgPurchaseRow,
  OrgUsersPage,
} from '../../src-shared/domain/org.ts';
import type { CreditAccess } from '../../src-shared/org/model.ts';
import type { FeedRow, OrgStore } from '../store/org-store.ts';
import { UserList, type UsersQuery } from './user-list.ts';

export type { UsersQuery } from './user-list.ts';

type Rows<T> = Map<string, T & { pending?: boolean }>;

export interface OrgSnapshot {
  organization: OrganizationRow | null;
  users: Rows<UserRow>;
  invitations: Rows<InvitationRow>;
  assignments: Rows<AssignmentRow>;
  purchases: Rows<PurchaseRow>;
  creditAccess: Rows<CreditAccessRow>;
  borrows: Rows<BorrowRow>;
  creditLots: Rows<CreditLotRow>;
  /** Assignments per user id. */
  byUser: Map<string, (AssignmentRow & { pending?: boolean })[]>;
  /** Users whose rows a pending mutation touched. */
  pendingUsers: Set<string>;
}

/** Pending effects by table and key (null: deleted locally), and the users they touch. */
interface Overlay {
  tables: Map<FeedTable, Map<string, FeedRow | null>>;
  users: Set<string>;
}

const merged: FeedTable[] = [
  'organization',
  'users',
  'invitations',
  'assignments',
  'purchases',
  'creditAccess',
  'borrows',
  'creditLots',
];

export class OrgState {
  readonly #store: OrgStore;
  #snap: OrgSnapshot | null = null;
  #overlay: Overlay | null = null;
  /** Seats of each purchase the pulled assignments hold. */
  #assigned: Map<string, number> | null = null;

  readonly #list: UserList;

  constructor(store: OrgStore) {
    this.#store = store;
    this.#list = new UserList(this, store);
  }

  /**
   * Drops the cache; call after every committed transaction that touched org rows, naming the
   * pulled tables it wrote ([] when only the outbox and its effects changed; none: anything may
   * have, e.g. the replica was replaced). The sorted users and the seats per purchase are kept
   * until their pulled tables change: a change queued costs no rebuild.
   */
  invalidate(pulled?: readonly FeedTable[]): void {
    this.#snap = null;
    this.#overlay = null;
    this.#list.invalidate(pulled);
    if (!pulled || pulled.includes('assignments')) this.#assigned = null;
  }

  get(): OrgSnapshot {
    this.#snap ??= this.#build();
    return this.#snap;
  }

  #build(): OrgSnapshot {
    const tables = new Map<FeedTable, Map<string, FeedRow>>();
    for (const t of merged) tables.set(t, this.#store.baseRows(t));
    const pendingUsers = new Set<string>();
    for (const e of this.#store.effects()) {
      const rows = tables.get(e.tbl);
      if (!rows) continue;
      if (e.data === null) rows.delete(e.key);
      else rows.set(e.key, { ...e.data, pending: true });
      const user = e.tbl === 'users' ? e.key : (e.data?.userId as string | undefined);
      if (user) pendingUsers.add(user);
    }
    const t = <T>(name: FeedTable) => tables.get(name) as unknown as Rows<T>;
    const assignments = t<AssignmentRow>('assignments');
    const byUser = new Map<string, (AssignmentRow & { pending?: boolean })[]>();
    for (const a of assignments.values()) {
      const list = byUser.get(a.userId);
      if (list) list.push(a);
      else byUser.set(a.userId, [a]);
    }
    const orgs = [...t<OrganizationRow>('organization').values()];
    return {
      organization: orgs[0] ?? null,
      users: t<UserRow>('users'),
      invitations: t<InvitationRow>('invitations'),
      assignments,
      purchases: t<PurchaseRow>('purchases'),
      creditAccess: t<CreditAccessRow>('creditAccess'),
      borrows: t<BorrowRow>('borrows'),
      creditLots: t<CreditLotRow>('creditLots'),
      byUser,
      pendingUsers,
    };
  }

  /** Pending effects per table (few: only what the outbox holds), laid over the pulled rows. */
  #effects(): Overlay {
    if (this.#overlay) return this.#overlay;
    const tables = new Map<FeedTable, Map<string, FeedRow | null>>();
    const users = new Set<string>();
    for (const e of this.#store.effects()) {
      let rows = tables.get(e.tbl);
      if (!rows) tables.set(e.tbl, (rows = new Map()));
      rows.set(e.key, e.data === null ? null : { ...e.data, pending: true });
      const user = e.tbl === 'users' ? e.key : (e.data?.userId as string | undefined);
      if (user) users.add(user);
      // A deleted row names its user only in the pulled row it hides.
      if (e.data === null && e.tbl !== 'users') {
        const base = this.#store.row(e.tbl, e.key);
        if (typeof base?.userId === 'string') users.add(base.userId);
      }
    }
    this.#overlay = { tables, users };
    return this.#overlay;
  }

  /** One row with pending effects applied (null when absent or deleted locally). */
  #row<T>(tbl: FeedTable, key: string): (T & { pending?: boolean }) | null {
    const over = this.#effects().tables.get(tbl);
    const row = over?.has(key) ? (over.get(key) ?? null) : this.#store.row(tbl, key);
    return row as (T & { pending?: boolean }) | null;
  }

  /** A user's rows of a table (assignments, borrows) with pending effects applied. */
  #userRows<T extends { userId: string }>(
    tbl: FeedTable,
    userId: string,
  ): (T & { pending?: boolean })[] {
    const rows = this.#store.rowsByRef(tbl, userId) as Map<string, FeedRow>;
    for (const [key, row] of this.#effects().tables.get(tbl) ?? []) {
      if (row && row.userId === userId) rows.set(key, row);
      else rows.delete(key);
    }
    return [...rows.values()] as unknown as (T & { pending?: boolean })[];
  }

  /** Users whose rows a pending change touched. */
  pendingUsers(): ReadonlySet<string> {
    return this.#effects().users;
  }

  /** A page of the user list (src-main/org/user-list.ts). */
  users(q: UsersQuery, productName: (code: string) => string, now: string): OrgUsersPage {
    return this.#list.page(q, productName, now);
  }

  /** The ids of every user a query matches, in the list's order (select all, export). */
  userIds(q: UsersQuery): { ids: string[]; total: number } {
    return this.#list.ids(q);
  }

  /** One user's row with pending effects laid over it (null: not in the organization). */
  user(id: string): (UserRow & { pending?: boolean }) | null {
    return this.#row<UserRow>('users', id);
  }

  /** One user's assignments with pending effects, without the whole-organization snapshot. */
  assignmentsOf(id: string): (AssignmentRow & { pending?: boolean })[] {
    return this.#userRows<AssignmentRow>('assignments', id);
  }

  /** The organization row, without building the whole-organization snapshot when nothing of it is pending. */
  organization(): OrganizationRow | null {
    const over = this.#effects().tables.get('organization');
    if (!over?.size) {
      const [org] = this.#store.baseRows('organization').values();
      return (org as OrganizationRow | undefined) ?? null;
    }
    return this.get().organization;
  }

  /**
   * Every row of a table with pending effects laid over it (for small tables: a member's own rows,
   * notifications, credit lots); the overlay is the one cached until the next commit.
   */
  rows<T>(tbl: FeedTable): Map<string, T & { pending?: boolean }> {
    const rows = this.#store.baseRows(tbl);
    for (const [key, row] of this.#effects().tables.get(tbl) ?? [])
      if (row) rows.set(key, row);
      else rows.delete(key);
    return rows as unknown as Map<string, T & { pending?: boolean }>;
  }

  /** The organizational pool: the administrator's credit lots that have not expired. */
  poolBalance(now: string): number {
    const owner = this.organization()?.administratorId;
    let sum = 0;
    for (const l of this.rows<CreditLotRow>('creditLots').values())
      if (l.ownerId === owner && (l.expiresAt === null || l.expiresAt > now)) sum += l.remaining;
    return Math.round(sum * 1000) / 1000;
  }

  /** Seats of a user's assignments currently borrowed (not returned, not expired). */
  borrowedSeats(userId: string, now: string, purchaseId?: string): number {
    let n = 0;
    for (const b of this.#userRows<BorrowRow>('borrows', userId))
      if (b.returnedAt === null && b.until > now && (!purchaseId || b.purchaseId === purchaseId))
        n += b.quantity;
    return n;
  }

  /** The latest end of a user's open borrows of a purchase (issue 13), or null. */
  borrowedUntil(userId: string, now: string, purchaseId: string): string | null {
    let until: string | null = null;
    for (const b of this.#userRows<BorrowRow>('borrows', userId))
      if (b.returnedAt === null && b.until > now && b.purchaseId === purchaseId)
        if (until === null || b.until > until) until = b.until;
    return until;
  }

  accessOf(userId: string): { access: CreditAccess; used: number } {
    const c = this.#row<CreditAccessRow>('creditAccess', userId);
    if (!c || c.mode === 'disabled') return { access: { mode: 'disabled' }, used: c?.used ?? 0 };
    if (c.mode === 'unlimited') return { access: { mode: 'unlimited' }, used: c.used };
    return { access: { mode: 'limit', limit: c.limit ?? 0 }, used: c.used };
  }

  /**
   * Reads the invitations table alone, never the whole-organization snapshot: every view asks for
   * "my invitations" on each replica change, which for an administrator of 10,000 users must not
   * rebuild the snapshot each time.
   */
  invitations(filter: { status?: string; mine?: boolean }, myEmail: string): OrgInvitationRow[] {
    const orgId = this.organization()?.id;
    const me = myEmail.toLowerCase();
    const out: OrgInvitationRow[] = [];
    for (const i of this.rows<InvitationRow>('invitations').values()) {
      const mine = i.email.toLowerCase() === me;
      if (filter.mine ? !mine : i.organizationId !== orgId) continue;
      if (filter.status && i.status !== filter.status) continue;
      out.push({
        id: i.id,
        email: i.email,
        role: i.role,
        status: i.status,
        organizationName: i.organizationName,
        invitedBy: i.invitedBy,
        createdAt: i.createdAt,
        // A pending invitation changes only when it is sent again (Resend).
        sentAt: i.status === 'pending' ? i.updatedAt : i.createdAt,
        pending: i.pending === true,
      });
    }
    return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  /**
   * The purchases with the seats assigned of each: summed in SQLite, with the pending effects on
   * assignments laid over (never the whole-organization snapshot: it is read after every change).
   */
  purchases(productName: (code: string) => string): OrgPurchaseRow[] {
    this.#assigned ??= this.#store.assignedSeats();
    const assigned = new Map(this.#assigned);
    for (const [key, row] of this.#effects().tables.get('assignments') ?? []) {
      const before = this.#store.row('assignments', key) as AssignmentRow | null;
      if (before)
        assigned.set(before.purchaseId, (assigned.get(before.purchaseId) ?? 0) - before.quantity);
      const now = row as (AssignmentRow & { pending?: boolean }) | null;
      if (now) assigned.set(now.purchaseId, (assigned.get(now.purchaseId) ?? 0) + now.quantity);
    }
    return [...this.rows<PurchaseRow>('purchases').values()].map((p) => ({
      id: p.id,
      productCode: p.productCode,
      productName: productName(p.productCode),
      term: p.term,
      quantity: p.quantity,
      assigned: assigned.get(p.id) ?? 0,
      expiresAt: p.expiresAt,
    }));
  }
}
