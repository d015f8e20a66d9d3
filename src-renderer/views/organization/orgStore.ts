// Organization store: every user, pending invitation and purchase of the admin's organization,
// loaded whole from the replica so search and filters answer within a frame at 10,000 users;
// after a change only what `data.changed` names is read again (the rows of the users it names).
import { create } from 'zustand';
import type {
  OrgInvitationRow,
  OrgPurchaseRow,
  OrgUserRow,
} from '../../../src-shared/domain/org.ts';
import { MAX_BATCH } from '../../../src-shared/org/mutations.ts';
import { bridge, request } from '../../bridge/index.ts';
import { messageOf } from '../../stores/errors.ts';

interface OrgStore {
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  organizationName: string | null;
  poolBalance: number;
  users: OrgUserRow[];
  invitations: OrgInvitationRow[];
  purchases: OrgPurchaseRow[];
  load: () => Promise<void>;
  /** Reads these users' rows again and puts them in place (a user gone leaves the list). */
  refreshUsers: (ids: readonly string[]) => Promise<void>;
  /** Reads the pending invitations, or the purchases, again. */
  loadInvitations: () => Promise<void>;
  loadPurchases: () => Promise<void>;
  clear: () => void;
}

async function allUsers(): Promise<{ users: OrgUserRow[]; pool: number; name: string | null }> {
  const users: OrgUserRow[] = [];
  for (let page = 0; ; page++) {
    const p = await request('org.users', { page, pageSize: MAX_BATCH });
    users.push(...p.users);
    if (users.length >= p.total || p.users.length === 0)
      return { users, pool: p.poolBalance, name: p.organization?.name ?? null };
  }
}

let generation = 0;
/** The whole load in flight, if any: a refresh made meanwhile waits for it, then runs. */
let loading: Promise<void> | null = null;
let refreshing: Promise<void> = Promise.resolve();
/** Beyond this many users a refresh reads the whole organization instead. */
const REFRESH_MAX = 1000;

export const useOrg = create<OrgStore>()((set) => ({
  status: 'idle',
  error: null,
  organizationName: null,
  poolBalance: 0,
  users: [],
  invitations: [],
  purchases: [],

  load() {
    const run = loadAll(++generation);
    loading = run.finally(() => {
      if (loading === run) loading = null;
    });
    return run;
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
    set({ status: 'idle', error: null, users: [], invitations: [], purchases: [] });
  },
}));

async function refreshNow(ids: readonly string[]): Promise<void> {
  const { getState: get, setState: set } = useOrg;
  if (ids.length === 0) return;
  if (ids.length > REFRESH_MAX || get().status !== 'ready') return get().load();
  // A whole load answering after this refresh would put the rows back as they were.
  if (loading) await loading.catch(() => undefined);
  const mine = generation;
  try {
    const p = await request('org.users', { ids: [...ids], pageSize: MAX_BATCH });
    if (mine !== generation) return;
    const fresh = new Map(p.users.map((u) => [u.id, u]));
    const known = new Set(get().users.map((u) => u.id));
    // A user new to the list takes its place in the core's order: read the list whole.
    if (p.users.some((u) => !known.has(u.id))) return get().load();
    const asked = new Set(ids);
    const users: OrgUserRow[] = [];
    for (const u of get().users) {
      if (!asked.has(u.id)) users.push(u);
      else {
        const f = fresh.get(u.id);
        if (f) users.push(f);
      }
    }
    set({ users, poolBalance: p.poolBalance });
  } catch (err) {
    if (mine === generation) set({ status: 'error', error: messageOf(err) });
  }
}

async function loadAll(mine: number): Promise<void> {
  const { getState: get, setState: set } = useOrg;
  if (get().status !== 'ready') set({ status: 'loading', error: null });
  try {
    const [u, invitations, purchases] = await Promise.all([
      allUsers(),
      request('org.invitations', { status: 'pending' }),
      request('org.purchases', {}),
    ]);
    // A later load started while this one ran: its answer is the newer one.
    if (mine !== generation) return;
    set({
      status: 'ready',
      error: null,
      users: u.users,
      poolBalance: u.pool,
      organizationName: u.name,
      invitations,
      purchases,
    });
  } catch (err) {
    if (mine === generation) set({ status: 'error', error: messageOf(err) });
  }
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

/**
 * Reads again what a replica change touched: the rows of the users it names (all of them when it
 * does not say), the pending invitations, the purchases (their assigned counts).
 */
export function followOrgChanges(): () => void {
  return bridge.on('data.changed', ({ tables, users }) => {
    const s = useOrg.getState();
    if (tables.some((t) => WHOLE.has(t))) return void s.load();
    let rows: Promise<void> = Promise.resolve();
    if (tables.some((t) => USER_ROWS.has(t))) {
      if (!users) return void s.load();
      rows = s.refreshUsers(users);
    }
    if (tables.includes('org.invitations')) void s.loadInvitations();
    // After the rows: the core answers in order, and the rows are what the person is looking at.
    if (tables.includes('org.purchases') || tables.includes('org.assignments'))
      void rows.finally(() => void useOrg.getState().loadPurchases());
  });
}
