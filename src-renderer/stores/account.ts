// Account store: the signed-in account from the replica, and the password change.
import { create } from 'zustand';
import type { AccountView } from '../../src-shared/domain/account.ts';
import { request } from '../bridge/index.ts';
import { messageOf } from './errors.ts';

interface AccountStore {
  account: AccountView | null;
  error: string | null;
  load: () => Promise<void>;
  clear: () => void;
  /** Resolves to the error message to show, or null when the password was changed. */
  changePassword: (currentPassword: string, newPassword: string) => Promise<string | null>;
}

export const useAccount = create<AccountStore>()((set) => ({
  account: null,
  error: null,

  async load() {
    try {
      set({ account: await request('account.get', {}), error: null });
    } catch (err) {
      set({ error: messageOf(err) });
    }
  },

  clear() {
    set({ account: null, error: null });
  },

  async changePassword(currentPassword, newPassword) {
    try {
      await request('account.changePassword', { currentPassword, newPassword });
      return null;
    } catch (err) {
      return messageOf(err);
    }
  },
}));
