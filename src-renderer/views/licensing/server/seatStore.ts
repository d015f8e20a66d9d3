// The license server's state for its view: status and history through the bridge, reloaded on
// `seats.changed`, and the admin release of a lease.
import { say } from '../../../stores/toast.ts';
import { create } from 'zustand';
import type { SeatHistory, SeatStatus } from '../../../../src-shared/bridge/calls/seats.ts';
import { bridge, request } from '../../../bridge/index.ts';
import { messageOf } from '../../../stores/errors.ts';

interface SeatServerStore {
  status: 'idle' | 'loading' | 'ready' | 'error';
  data: SeatStatus | null;
  history: SeatHistory | null;
  hours: number;
  error: string | null;
  releasing: string[];
  releaseError: string | null;
  load: () => Promise<void>;
  setHours: (hours: number) => void;
  release: (leaseId: string) => Promise<void>;
}

export const useSeatServer = create<SeatServerStore>()((set, get) => ({
  status: 'idle',
  data: null,
  history: null,
  hours: 24,
  error: null,
  releasing: [],
  releaseError: null,

  async load() {
    if (get().status !== 'ready') set({ status: 'loading', error: null });
    try {
      const [data, history] = await Promise.all([
        request('seats.status', {}),
        request('seats.history', { hours: get().hours }),
      ]);
      set({ data, history, status: 'ready', error: null });
    } catch (err) {
      set({ status: 'error', error: messageOf(err) });
    }
  },

  setHours(hours) {
    set({ hours });
    void get().load();
  },

  async release(leaseId) {
    set((s) => ({ releasing: [...s.releasing, leaseId], releaseError: null }));
    const lease = get()
      .data?.products.flatMap((p) => p.leases.map((l) => ({ ...l, name: p.name })))
      .find((l) => l.leaseId === leaseId);
    try {
      await request('seats.releaseLease', { leaseId });
      say(
        lease
          ? `Released the ${lease.name} seat of ${lease.user} on ${lease.host}.`
          : 'Seat released.',
      );
      await get().load();
    } catch (err) {
      set({ releaseError: messageOf(err) });
    } finally {
      set((s) => ({ releasing: s.releasing.filter((id) => id !== leaseId) }));
    }
  },
}));

/** Loads now and again on every `seats.changed` event while the view is open. */
export function watchSeatServer(): () => void {
  void useSeatServer.getState().load();
  return bridge.on('seats.changed', () => void useSeatServer.getState().load());
}
