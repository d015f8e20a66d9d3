// The user's notifications (the top bar's bell and panel), reloaded whenever the replica changes.
import { create } from 'zustand';
import type { NotificationView } from '../../src-shared/domain/me.ts';
import { bridge, request } from '../bridge/index.ts';
import { messageOf } from './errors.ts';
import { isShownSnapshotPart } from './snapshot-parts.ts';

interface NotificationsStore {
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  items: NotificationView[];
  unread: number;
  load: () => Promise<void>;
  clear: () => void;
  /** Marks the given notifications (all unread when none given) read; answers an error or null. */
  markRead: (ids?: string[]) => Promise<string | null>;
}

let generation = 0;

export const useNotifications = create<NotificationsStore>()((set, get) => ({
  status: 'idle',
  error: null,
  items: [],
  unread: 0,

  async load() {
    const mine = ++generation;
    if (get().status !== 'ready') set({ status: 'loading', error: null });
    try {
      const list = await request('notifications.list', {});
      if (mine === generation)
        set({ items: list.items, unread: list.unread, status: 'ready', error: null });
    } catch (err) {
      if (mine === generation) set({ status: 'error', error: messageOf(err) });
    }
  },

  clear() {
    generation++;
    set({ status: 'idle', error: null, items: [], unread: 0 });
  },

  async markRead(ids) {
    try {
      await request('notifications.markRead', ids ? { ids } : {});
      await get().load();
      return null;
    } catch (err) {
      return messageOf(err);
    }
  },
}));

/** Loads the notifications now and whenever the replica changes. */
export function followNotifications(): () => void {
  void useNotifications.getState().load();
  return bridge.on('data.changed', ({ tables }) => {
    // The feed's notifications, or a snapshot (sign-in, sign-out, another account).
    if (tables.some((t) => t === 'org.notifications' || isShownSnapshotPart(t)))
      void useNotifications.getState().load();
  });
}
