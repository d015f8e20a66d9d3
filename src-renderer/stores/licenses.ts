// Licenses store: the signed-in account's licenses, read from the replica through the bridge.
import { create } from 'zustand';
import type { LicenseView } from '../../src-shared/domain/license.ts';
import { request } from '../bridge/index.ts';
import { messageOf } from './errors.ts';

interface LicensesStore {
  status: 'idle' | 'loading' | 'ready' | 'error';
  items: LicenseView[];
  error: string | null;
  load: () => Promise<void>;
  clear: () => void;
}

export const useLicenses = create<LicensesStore>()((set, get) => ({
  status: 'idle',
  items: [],
  error: null,

  async load() {
    // A reload keeps the rows on screen; only the first load shows the skeleton.
    if (get().status !== 'ready') set({ status: 'loading', error: null });
    try {
      set({ items: await request('licenses.list', {}), status: 'ready', error: null });
    } catch (err) {
      set({ status: 'error', error: messageOf(err) });
    }
  },

  clear() {
    set({ status: 'idle', items: [], error: null });
  },
}));
