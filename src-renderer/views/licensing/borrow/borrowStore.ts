// Borrowed seats of this machine for the Licensing view (issue 13): the list through the bridge,
// reloaded on `seats.changed`; Borrow and Return (release for online use) need the cloud.
import { create } from 'zustand';
import type { BorrowList } from '../../../../src-shared/bridge/calls/borrow.ts';
import { bridge, request } from '../../../bridge/index.ts';
import { messageOf } from '../../../stores/errors.ts';
import { say } from '../../../stores/toast.ts';

interface BorrowStore {
  status: 'idle' | 'loading' | 'ready' | 'error';
  list: BorrowList | null;
  error: string | null;
  /** The product being borrowed or returned now. */
  busy: string | null;
  /** The cloud's refusal of the last Borrow or Return, shown in place. */
  actionError: string | null;
  load: () => Promise<void>;
  borrow: (product: string, days: number) => Promise<void>;
  giveBack: (product: string) => Promise<void>;
}

export const useBorrows = create<BorrowStore>()((set, get) => ({
  status: 'idle',
  list: null,
  error: null,
  busy: null,
  actionError: null,
  async load() {
    if (get().status !== 'ready') set({ status: 'loading', error: null });
    try {
      set({ list: await request('borrow.list', {}), status: 'ready', error: null });
    } catch (err) {
      set({ status: 'error', error: messageOf(err) });
    }
  },
  async borrow(product, days) {
    set({ busy: product, actionError: null });
    try {
      const list = await request('borrow.borrow', { product, days });
      set({ list, busy: null });
      say(`Borrowed for ${days} ${days === 1 ? 'day' : 'days'}: it works on this machine offline.`);
    } catch (err) {
      set({ busy: null, actionError: messageOf(err) });
    }
  },
  async giveBack(product) {
    set({ busy: product, actionError: null });
    try {
      set({ list: await request('borrow.return', { product }), busy: null });
      say('Released for online use: the seat is back with your license servers.');
    } catch (err) {
      set({ busy: null, actionError: messageOf(err) });
    }
  },
}));

/** Loads now and on every change of the seat pool; returns the unsubscribe. */
export function watchBorrows(): () => void {
  void useBorrows.getState().load();
  return bridge.on('seats.changed', () => void useBorrows.getState().load());
}
