// Organization store: the page of the user list the screen paints (read from the core with the
// list's filter, page and size), the pending invitations and the purchases. After a change only
// what `data.changed` names is read again: the named users' rows on the page, or the page itself
// when who matches may have changed (docs/architecture.md "Views update only what changed").
import { create } from 'zustand';
import type {
  OrgInvitationRow,
  OrgPurchaseRow,
  OrgUserRow,
} from '../../../src-shared/domain/org.ts';
import { MAX_BATCH } from '../../../src-shared/org/mutations.ts';
import { filterQuery } from '../../../src-shared/org/rules/user-filter.ts';
import { bridge, request } from '../../bridge/index.ts';
import { messageOf } from '../../stores/errors.ts';
import { useOrgList } from './orgListStore.ts';
import { allRows } from './userRows.ts';

interface OrgStore {
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  organizationName: string | null;
  poolBalance: number;
  /** The rows of the page painted, in the list's order. */
  users: OrgUserRow[];
  /** Users the list's filter matches, and users in the organization. */
  total: number;
  all: number;
  invitations: OrgInvitationRow[];
  purchases: OrgPurchaseRow[];
  /** Reads the page, the pending invitations and the purchases. */
  load: () => Promise<void>;
  /** Reads the page the list shows again (its filter, page or size changed, or who matches). */
  loadPage: () => Promise<void>;
  /** Reads these users' rows again where the page shows them. */
  refreshUsers: (ids: readonly string[]) => Promise<void>;
  /** Reads the pending invitations, or the purchases, again. */
  loadInvitations: () => Promise<void>;
  loadPurchases: () => Promise<void>;
  clear: () => void;
}

/** The page the list shows: its filter, page and size ("All": every match, page by page). */
async function readPage(): Promise<{
  users: OrgUserRow[];
  total: number;
  all: number;
  pool: number;
  name: string | null;
}> {
  const { filter, page, pageSize } = useOrgList.getState();
  const q = filterQuery(filter);
  const size = pageSize === 0 ? MAX_BATCH : pageSize;
  let p = await request('org.users', { ...q, page: pageSize === 0 ? 0 : page, pageSize: size });
  // Past the last page (the filter narrowed, users left): show the last one there is.
  if (p.users.length === 0 && page > 0 && p.total > 0 && pageSize !== 0) {
    const last = Math.ceil(p.total / size) - 1;
    // This read fetches that page itself: the list's subscription is not to read it again.
    clampingPage = true;
    try {
      useOrgList.setState({ page: last });
    } finally {
      clampingPage = false;
    }
    p = await request('org.users', { ...q, page: last, pageSize: size });
  }
  const users = pageSize === 0 && p.total > p.users.length ? await allRows(q) : p.users.slice();
  return {
    users,
    total: p.total,
    all: p.all,
    pool: p.poolBalance,
    name: p.organization?.name ?? null,
  };
}

/** Set while `readPage` moves the list to its last page (see followOrgChanges). */
let clampingPage = false;
let generation = 0;
/** How many reads of rows have landed: a change's answer sent before the last one is older. */
let landed = 0;
/** The page read in flight, if any: a refresh made meanwhile waits for it, then runs. */
let loading: Promise<void> | null = null;
let refreshing: Promise<void> = Promise.resolve();

export const useOrg = create<OrgStore>()((set) => ({
  status: 'idle',
  error: null,
  organizationName: null,
  poolBalance: 0,
  users: [],
  total: 0,
  all: 0,
  invitations: [],
  purchases: [],

  load() {
    return track(loadAll(++generation));
  },

  loadPage() {
    return track(loadPageNow(++generation));
  },

  refreshUsers(ids) {
    // One at a time, in the order the changes came: an older answer never lands last.
    const run = refreshing.then(() => refreshNow(ids));
    refreshing = run.catch(() => undefined);
    return run;
  },

  async loadInvitations() {
    try {
      set({ invitations: await request('org.invitations', { status: 'pending' }) });
    } catch (err) {
      set({ status: 'error', error: messageOf(err) });
    }
  },

  async loadPurchases() {
    try {
      set({ purchases: await request('org.purchases', {}) });
    } catch (err) {
      set({ status: 'error', error: messageOf(err) });
    }
  },

  clear() {
    generation++;
    set({
      status: 'idle',
      error: null,
      users: [],
      total: 0,
      all: 0,
      invitations: [],
      purchases: [],
    });
  },
}));

function track(run: Promise<void>): Promise<void> {
  loading = run.finally(() => {
    if (loading === run) loading = null;
  });
  return run;
}

async function refreshNow(ids: readonly string[]): Promise<void> {
  const { getState: get, setState: set } = useOrg;
  if (get().status !== 'ready') return get().load();
  // A page read answering after this refresh would put the rows back as they were.
  if (loading) await loading.catch(() => undefined);
  const shown = new Set(get().users.map((u) => u.id));
  const onPage = [...new Set(ids)].filter((id) => shown.has(id));
  if (onPage.length === 0) return;
  const mine = generation;
  try {
    const q = filterQuery(useOrgList.getState().filter);
    const p = await request('org.users', { ...q, ids: onPage, pageSize: MAX_BATCH });
    if (mine !== generation) return;
    // A user who no longer matches the filter leaves the page: read it whole (counts too).
    if (p.users.length !== onPage.length) return get().loadPage();
    const fresh = new Map(p.users.map((u) => [u.id, u]));
    landed++;
    set({
      users: get().users.map((u) => fresh.get(u.id) ?? u),
      poolBalance: p.poolBalance,
      all: p.all,
    });
  } catch (err) {
    if (mine === generation) set({ status: 'error', error: messageOf(err) });
  }
}

async function loadPageNow(mine: number): Promise<void> {
  const { setState: set } = useOrg;
  try {
    const p = await readPage();
    if (mine !== generation) return;
    landed++;
    set({
      users: p.users,
      total: p.total,
      all: p.all,
      poolBalance: p.pool,
      organizationName: p.name,
    });
  } catch (err) {
    if (mine === generation) set({ status: 'error', error: messageOf(err) });
  }
}

async function loadAll(mine: number): Promise<void> {
  const { getState: get, setState: set } = useOrg;
  if (get().status !== 'ready') set({ status: 'loading', error: null });
  try {
    const [p, invitations, purchases] = await Promise.all([
      readPage(),
      request('org.invitations', { status: 'pending' }),
      request('org.purchases', {}),
    ]);
    // A later read started while this one ran: its answer is the newer one.
    if (mine !== generation) return;
    landed++;
    set({
      status: 'ready',
      error: null,
      users: p.users,
      total: p.total,
      all: p.all,
      poolBalance: p.pool,
      organizationName: p.name,
      invitations,
      purchases,
    });
  } catch (err) {
    if (mine === generation) set({ status: 'error', error: messageOf(err) });
  }
}

/** Marks when a change is sent, for `putAnsweredRows`. */
export const rowsLanded = (): number => landed;

/**
 * Puts the rows a change's answer carries (the optimistic rows of the users it names) in place
 * where the page shows them — the row is painted with the answer, without asking again — unless
 * a read of rows landed since the change was sent (it is newer).
 */
export function putAnsweredRows(rows: readonly OrgUserRow[], sentAt: number): void {
  if (sentAt !== landed || rows.length === 0) return;
  const fresh = new Map(rows.map((u) => [u.id, u]));
  const { users } = useOrg.getState();
  if (users.some((u) => fresh.has(u.id)))
    useOrg.setState({ users: users.map((u) => fresh.get(u.id) ?? u) });
}

/**
 * Paints rows a change is about to make (its optimistic rows) where the page shows them, before
 * the core has answered; answers the rows they replaced, to put back if the change is refused.
 */
export function putOptimisticRows(rows: readonly OrgUserRow[]): OrgUserRow[] {
  if (rows.length === 0) return [];
  const fresh = new Map(rows.map((u) => [u.id, u]));
  const { users } = useOrg.getState();
  const replaced = users.filter((u) => fresh.has(u.id));
  if (replaced.length > 0) useOrg.setState({ users: users.map((u) => fresh.get(u.id) ?? u) });
  return replaced;
}

/** Tables whose rows make up users' rows in the list (the credit pool: every quota label). */
const USER_ROWS = new Set([
  'org.users',
  'org.assignments',
  'org.creditAccess',
  'org.borrows',
  'org.creditLots',
  'org.creditLedger',
]);
/** The organization's name, and the catalogue's product names: everything is read again. */
const WHOLE = new Set(['org.organization', 'organization', 'products', 'account']);

/** Tables whose rows decide who a filter of the list matches (beyond the users table). */
function membershipTables(): Set<string> {
  const { productCode, credit } = useOrgList.getState().filter;
  const t = new Set(['org.users']);
  if (productCode) t.add('org.assignments');
  if (credit !== 'all') t.add('org.creditAccess');
  return t;
}

/**
 * Reads again what a replica change touched: the rows of the users it names where the page shows
 * them, or the page when who matches may have changed (users came or left, or the filter reads
 * the table that changed); the pending invitations; the purchases (their assigned counts). And
 * the page again when the list's filter, page or size changes.
 */
export function followOrgChanges(): () => void {
  const offList = useOrgList.subscribe((s, before) => {
    if (clampingPage) return;
    if (s.filter !== before.filter || s.page !== before.page || s.pageSize !== before.pageSize)
      void useOrg.getState().loadPage();
  });
  const offChanges = bridge.on('data.changed', ({ tables, users }) => {
    const s = useOrg.getState();
    if (tables.some((t) => WHOLE.has(t))) return void s.load();
    let rows: Promise<void> = Promise.resolve();
    if (tables.some((t) => USER_ROWS.has(t))) {
      const members = membershipTables();
      rows = !users || tables.some((t) => members.has(t)) ? s.loadPage() : s.refreshUsers(users);
    }
    if (tables.includes('org.invitations')) void s.loadInvitations();
    // After the rows: the core answers in order, and the rows are what the person is looking at.
    if (tables.includes('org.purchases') || tables.includes('org.assignments'))
      void rows.finally(() => void useOrg.getState().loadPurchases());
  });
  return () => {
    offList();
    offChanges();
  };
}
