// The organization as the views see it: pulled rows with pending optimistic effects laid over
// them, cached in memory and rebuilt only after a transaction committed (Actual's apply-after-commit).
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
  OrgUserRow,
  OrgUsersPage,
} from '../../src-shared/domain/org.ts';
import type { CreditAccess } from '../../src-shared/org/model.ts';
import { availableCredits, creditAccessLabel } from '../../src-shared/org/rules/credits.ts';
import type { FeedRow, OrgStore } from '../store/org-store.ts';

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

export interface UsersQuery {
  search?: string;
  productCode?: string;
  creditMode?: CreditAccess['mode'];
  role?: 'member' | 'guest';
  page?: number;
  pageSize?: number;
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

  constructor(store: OrgStore) {
    this.#store = store;
  }

  /** Drops the cache; call after every committed transaction that touched org rows. */
  invalidate(): void {
    this.#snap = null;
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

  /** The organizational pool: the administrator's credit lots that have not expired. */
  poolBalance(now: string): number {
    const s = this.get();
    const owner = s.organization?.administratorId;
    let sum = 0;
    for (const l of s.creditLots.values())
      if (l.ownerId === owner && (l.expiresAt === null || l.expiresAt > now)) sum += l.remaining;
    return Math.round(sum * 1000) / 1000;
  }

  /** Seats of a user's assignments currently borrowed (not returned, not expired). */
  borrowedSeats(userId: string, now: string, purchaseId?: string): number {
    let n = 0;
    for (const b of this.get().borrows.values())
      if (
        b.userId === userId &&
        b.returnedAt === null &&
        b.until > now &&
        (!purchaseId || b.purchaseId === purchaseId)
      )
        n += b.quantity;
    return n;
  }

  accessOf(userId: string): { access: CreditAccess; used: number } {
    const c = this.get().creditAccess.get(userId);
    if (!c || c.mode === 'disabled') return { access: { mode: 'disabled' }, used: c?.used ?? 0 };
    if (c.mode === 'unlimited') return { access: { mode: 'unlimited' }, used: c.used };
    return { access: { mode: 'limit', limit: c.limit ?? 0 }, used: c.used };
  }

  users(q: UsersQuery, productName: (code: string) => string, now: string): OrgUsersPage {
    const s = this.get();
    const pool = this.poolBalance(now);
    const search = q.search?.trim().toLowerCase() ?? '';
    // Filter and sort on the raw rows; build view rows only for the page asked for.
    const matches: (UserRow & { pending?: boolean })[] = [];
    for (const u of s.users.values()) {
      if (q.role && u.role !== q.role) continue;
      if (
        search &&
        !u.email.toLowerCase().includes(search) &&
        !u.name.toLowerCase().includes(search)
      )
        continue;
      if (q.productCode && !(s.byUser.get(u.id) ?? []).some((a) => a.productCode === q.productCode))
        continue;
      if (q.creditMode && this.accessOf(u.id).access.mode !== q.creditMode) continue;
      matches.push(u);
    }
    matches.sort((a, b) => a.name.localeCompare(b.name) || a.email.localeCompare(b.email));
    const pageSize = q.pageSize ?? 50;
    const page = q.page ?? 0;
    const users = matches.slice(page * pageSize, (page + 1) * pageSize).map((u): OrgUserRow => {
      const { access, used } = this.accessOf(u.id);
      return {
        id: u.id,
        email: u.email,
        name: u.name,
        role: u.role,
        joinedAt: u.joinedAt,
        products: (s.byUser.get(u.id) ?? []).map((a) => ({
          productCode: a.productCode,
          productName: productName(a.productCode),
          purchaseId: a.purchaseId,
          quantity: a.quantity,
          borrowed: this.borrowedSeats(u.id, now, a.purchaseId),
          pending: a.pending === true,
        })),
        creditAccess: {
          ...access,
          used,
          available: availableCredits(access, used, pool),
          label: creditAccessLabel(access, used, pool),
        },
        pending: u.pending === true || s.pendingUsers.has(u.id),
      };
    });
    return {
      organization: s.organization ? { id: s.organization.id, name: s.organization.name } : null,
      poolBalance: pool,
      total: matches.length,
      page,
      pageSize,
      users,
    };
  }

  invitations(filter: { status?: string; mine?: boolean }, myEmail: string): OrgInvitationRow[] {
    const s = this.get();
    const orgId = s.organization?.id;
    const me = myEmail.toLowerCase();
    const out: OrgInvitationRow[] = [];
    for (const i of s.invitations.values()) {
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
        pending: i.pending === true,
      });
    }
    return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  purchases(productName: (code: string) => string): OrgPurchaseRow[] {
    const s = this.get();
    const assigned = new Map<string, number>();
    for (const a of s.assignments.values())
      assigned.set(a.purchaseId, (assigned.get(a.purchaseId) ?? 0) + a.quantity);
    return [...s.purchases.values()].map((p) => ({
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
