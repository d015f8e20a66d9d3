// The USB dongles for the License server view: `dongles.list` through the bridge, replaced by
// every `dongles.changed` event (a dongle plugged in, verified, refused or unplugged).
import { create } from 'zustand';
import type { DongleList } from '../../../../src-shared/bridge/calls/dongles.ts';
import { bridge, request } from '../../../bridge/index.ts';
import { messageOf } from '../../../stores/errors.ts';

interface DongleStore {
  list: DongleList | null;
  error: string | null;
  load: () => Promise<void>;
}

export const useDongles = create<DongleStore>()((set) => ({
  list: null,
  error: null,
  async load() {
    try {
      set({ list: await request('dongles.list', {}), error: null });
    } catch (err) {
      set({ error: messageOf(err) });
    }
  },
}));

/** Loads now and takes every `dongles.changed` while the view is open. */
export function watchDongles(): () => void {
  void useDongles.getState().load();
  return bridge.on('dongles.changed', (list) => useDongles.setState({ list, error: null }));
}
