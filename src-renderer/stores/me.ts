// The signed-in user's own side: the Products view's overview, pending invitations addressed to
// them, and which invitation the prompt should show (the notifications panel can ask for one).
import { create } from 'zustand';
import type { MeOverview } from '../../src-shared/domain/me.ts';
import type { OrgInvitationRow, QueuedChange } from '../../src-shared/domain/org.ts';
import { bridge, request } from '../bridge/index.ts';
import { messageOf } from './errors.ts';
import { useSession } from './session.ts';
import { isShownSnapshotPart } from './snapshot-parts.ts';

interface MeStore {
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  overview: MeOverview | null;
  /** Invitations addressed to the account and still pending (answered ones leave at once). */
  invitations: OrgInvitationRow[];
  /** The invitations were read at least once for this account (an unknown id can be told). */
  invitationsLoaded: boolean;
  /** An invitation the user asked to see (null: the first pending one), or none asked. */
  asked: { invitationId: string | null } | null;
  load: () => Promise<void>;
  loadInvitations: () => Promise<void>;
  clear: () => void;
  openInvitation: (invitationId: string | null) => void;
  closeAsked: () => void;
  /** Queues a request for more credits; resolves to the queued change or the refusal's text. */
  requestCredits: (amount?: number, note?: string) => Promise<QueuedChange | string>;
}

let generation = 0;

export const useMe = create<MeStore>()((set, get) => ({
  status: 'idle',
  error: null,
  overview: null,
  invitations: [],
  invitationsLoaded: false,
  asked: null,

  async load() {
    const mine = ++generation;
    if (get().status !== 'ready') set({ status: 'loading', error: null });
    try {
      const overview = await request('me.overview', {});
      if (mine === generation) set({ overview, status: 'ready', error: null });
    } catch (err) {
      if (mine === generation) set({ status: 'error', error: messageOf(err) });
    }
  },

  async loadInvitations() {
    try {
      const invitations = await request('org.invitations', { mine: true, status: 'pending' });
      set({ invitations, invitationsLoaded: true });
    } catch {
      // Signed out meanwhile, or not synced yet: the next change loads them again.
    }
  },

  clear() {
    generation++;
    set({
      status: 'idle',
      error: null,
      overview: null,
      invitations: [],
      invitationsLoaded: false,
      asked: null,
    });
  },

  openInvitation(invitationId) {
    set({ asked: { invitationId } });
  },

  closeAsked() {
    set({ asked: null });
  },

  async requestCredits(amount, note) {
    try {
      const change = await request('me.requestCredits', {
        ...(amount !== undefined ? { amount } : {}),
        ...(note ? { note } : {}),
      });
      void get().load();
      return change;
    } catch (err) {
      return messageOf(err);
    }
  },
}));

/** Tables of users' rows: a change to them names its users in `data.changed`. */
const OTHERS_ROWS = new Set([
  'org.outbox',
  'org.users',
  'org.assignments',
  'org.creditAccess',
  'org.borrows',
  'org.purchases',
]);

/**
 * Loads the overview and invitations now, and again when the replica changed what they show:
 * not for another user's rows, nor for the outbox or notifications alone (credit requests name
 * `me.creditRequests`).
 */
export function followMe(): () => void {
  const s = useMe.getState();
  void s.load();
  void s.loadInvitations();
  return bridge.on('data.changed', ({ tables, users }) => {
    const me = useSession.getState().session?.account?.id;
    // Another user's rows changed (an administrator's change): nothing of mine did.
    const othersOnly =
      users !== undefined &&
      users.length > 0 &&
      (me === undefined || !users.includes(me)) &&
      tables.every((t) => OTHERS_ROWS.has(t));
    const mineShown = (t: string) =>
      t !== 'org.outbox' && t !== 'org.notifications' && t !== 'server_pool';
    if (!othersOnly && tables.some(mineShown)) void useMe.getState().load();
    if (tables.some((t) => t === 'org.invitations' || isShownSnapshotPart(t)))
      void useMe.getState().loadInvitations();
  });
}
