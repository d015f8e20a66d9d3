// Session store: who is signed in, the demo accounts, and the sync status shown in the status bar.
import { create } from 'zustand';
import type { DemoAccount } from '../../src-shared/domain/account.ts';
import type { SessionState, SyncStatus } from '../../src-shared/domain/session.ts';
import { syncClock } from '../app/clock.ts';
import { request } from '../bridge/index.ts';
import { messageOf } from './errors.ts';

interface SessionStore {
  /** Null until the first `session.get` answered. */
  session: SessionState | null;
  loadError: string | null;
  demoAccounts: DemoAccount[];
  signingOut: boolean;
  syncRequested: boolean;
  load: () => Promise<void>;
  /** Resolves to the error message to show, or null when signed in. */
  signIn: (email: string, password: string) => Promise<string | null>;
  signOut: () => Promise<void>;
  /** Demo mode only: reloads the demo and signs out. Resolves to the error to show, or null. */
  resetDemo: () => Promise<string | null>;
  syncNow: () => Promise<void>;
  applySession: (session: SessionState) => void;
  applySync: (sync: SyncStatus) => void;
}

/** How many sessions the core pushed; `load` compares it to tell a stale answer. */
let pushes = 0;

export const useSession = create<SessionStore>()((set, get) => ({
  session: null,
  loadError: null,
  demoAccounts: [],
  signingOut: false,
  syncRequested: false,

  async load() {
    try {
      // The clock first: views compute expiry from it as soon as a session is shown.
      const pushedBefore = pushes;
      const [answered] = await Promise.all([request('session.get', {}), syncClock()]);
      // A sign-in or sign-out pushed while this answer travelled is newer than it: keep that one
      // (another window signing out must not be undone by this window's late first answer).
      const pushed = pushes !== pushedBefore ? get().session : null;
      const session = pushed ?? answered;
      set({ session, loadError: null });
      if (!session.signedIn) await loadDemoAccounts(set);
    } catch (err) {
      set({ loadError: messageOf(err) });
    }
  },

  async signIn(email, password) {
    try {
      const session = await request('session.signIn', { email, password });
      set({ session });
      return session.signedIn ? null : 'Sign-in did not complete. Please try again.';
    } catch (err) {
      return messageOf(err);
    }
  },

  async signOut() {
    set({ signingOut: true });
    try {
      const session = await request('session.signOut', {});
      set({ session });
      await loadDemoAccounts(set);
    } catch (err) {
      set({ loadError: messageOf(err) });
    } finally {
      set({ signingOut: false });
    }
  },

  async resetDemo() {
    try {
      const session = await request('demo.reset', {});
      set({ session });
      await Promise.all([loadDemoAccounts(set), syncClock()]);
      return null;
    } catch (err) {
      return messageOf(err);
    }
  },

  async syncNow() {
    set({ syncRequested: true });
    try {
      get().applySync(await request('sync.now', {}));
    } catch {
      // The status bar shows the outcome through sync.status (offline, message).
    } finally {
      set({ syncRequested: false });
    }
  },

  applySession(session) {
    pushes += 1;
    const wasSignedIn = get().session?.signedIn ?? false;
    set({ session });
    if (wasSignedIn && !session.signedIn) void loadDemoAccounts(set);
  },

  applySync(sync) {
    const session = get().session;
    if (session) set({ session: { ...session, sync } });
  },
}));

async function loadDemoAccounts(set: (s: Partial<SessionStore>) => void): Promise<void> {
  try {
    set({ demoAccounts: await request('session.demoAccounts', {}) });
  } catch {
    set({ demoAccounts: [] }); // Not a demo, or not reachable: the form works without the list.
  }
}
