// The user list's view state: filter, page, page size and the checked users (shared with the action bar).
import { create } from 'zustand';
import { NO_FILTER, type UserFilter } from './userFilter.ts';

export const PAGE_SIZES = [25, 50, 100, 500, 1000, 0] as const; // 0 = all on one page

interface OrgListStore {
  filter: UserFilter;
  page: number;
  pageSize: number;
  selected: ReadonlySet<string>;
  setFilter: (patch: Partial<UserFilter>) => void;
  setPage: (page: number) => void;
  setPageSize: (size: number) => void;
  toggle: (id: string) => void;
  /** Checks every id given, or unchecks them all when every one is already checked. */
  toggleAll: (ids: readonly string[]) => void;
  setSelected: (ids: Iterable<string>) => void;
  clearSelection: () => void;
}

export const useOrgList = create<OrgListStore>()((set, get) => ({
  filter: NO_FILTER,
  page: 0,
  pageSize: 50,
  selected: new Set(),
  setFilter: (patch) => set({ filter: { ...get().filter, ...patch }, page: 0 }),
  setPage: (page) => set({ page }),
  setPageSize: (pageSize) => set({ pageSize, page: 0 }),
  toggle(id) {
    const next = new Set(get().selected);
    if (!next.delete(id)) next.add(id);
    set({ selected: next });
  },
  toggleAll(ids) {
    const cur = get().selected;
    const all = ids.length > 0 && ids.every((id) => cur.has(id));
    const next = new Set(cur);
    for (const id of ids) {
      if (all) next.delete(id);
      else next.add(id);
    }
    set({ selected: next });
  },
  setSelected: (ids) => set({ selected: new Set(ids) }),
  clearSelection: () => set({ selected: new Set() }),
}));
