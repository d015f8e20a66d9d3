// Organization store: every user, pending invitation and purchase of the admin's organization,
// loaded whole from the replica so search and filters answer within a frame at 10,000 users.
import { create } from 'zustand';
import type {
  OrgInvitationRow,
  OrgPurchaseRow,
  OrgUserRow,
  QueuedChange,
} from '../../src-shared/domain/org.ts';
import { MAX_BATCH } from '../../src-shared/org/mutations.ts';
import { AppError } from '../../src-shared/errors.ts';
import { bridge, request } from '../bridge/index.ts';
import { messageOf } from './errors.ts';

export type Failure = QueuedChange['failed'][number];

/** What a change answered: queued (with the items the pre-check refused), or refused whole. */
export type ChangeOutcome =
  | { ok: true; mutationId: number; failed: Failure[] }
  | { ok: false; message: string; failed: Failure[] };

interface OrgStore {
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  organizationName: string | null;
  poolBalance: number;
  users: OrgUserRow[];
  invitations: OrgInvitationRow[];
  purchases: OrgPurchaseRow[];
  load: () => Promise<void>;
  clear: () => void;
  /** Runs a change call and reloads; never throws. */
  change: <N extends ChangeCall>(
    name: N,
    input: Parameters<typeof request<N>>[1],
  ) => Promise<ChangeOutcome>;
}

type ChangeCall =
  | 'org.invite'
  | 'org.removeUsers'
  | 'org.assign'
  | 'org.revoke'
  | 'org.setCreditAccess'
  | 'org.resendInvitation'
  | 'org.cancelInvitation';

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

export const useOrg = create<OrgStore>()((set, get) => ({
  status: 'idle',
  error: null,
  organizationName: null,
  poolBalance: 0,
  users: [],
  invitations: [],
  purchases: [],

  async load() {
    const mine = ++generation;
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
  },

  clear() {
    generation++;
    set({ status: 'idle', error: null, users: [], invitations: [], purchases: [] });
  },

  async change(name, input) {
    try {
      const r = await request(name, input as never);
      void get().load();
      return { ok: true, mutationId: r.mutationId, failed: r.failed };
    } catch (err) {
      const e = AppError.from(err);
      const failed = (e.details as { failed?: Failure[] } | undefined)?.failed ?? [];
      return { ok: false, message: messageOf(e), failed };
    }
  },
}));

/**
 * Reloads the store whenever the replica changes: the org tables and outbox, and also the
 * snapshot's tables, since product names come from its catalogue.
 */
export function followOrgChanges(): () => void {
  return bridge.on('data.changed', ({ tables }) => {
    if (tables.length) void useOrg.getState().load();
  });
}
