// The user list's view state: filter, page, page size and the checked users (shared with the action
// bar). Checked users may lie on other pages: they are kept by id, their rows read when a flow needs them.
import { create } from 'zustand';
import { NO_FILTER, type UserFilter } from '../../../src-shared/org/rules/user-filter.ts';

export const PAGE_SIZES = [25, 50, 100, 500, 1000, 0] as const; // 0 = all on one page

interface OrgListStore {
  filter: UserFilter;
  page: number;
  pageSize: number;
  selected: ReadonlySet<string>;
  /** The users "Select all" checked (every match of the filter), while none is unchecked. */
  everyMatching: readonly string[] | null;
  setFilter: (patch: Partial<UserFilter>) => void;
  setPage: (page: number) => void;
  setPageSize: (size: number) => void;
  toggle: (id: string) => void;
  /** Checks every user the filter matches (their ids), or unchecks them when all are checked. */
  toggleMatching: (ids: readonly string[]) => void;
  setSelected: (ids: Iterable<string>) => void;
  clearSelection: () => void;
}

export const useOrgList = create<OrgListStore>()((set, get) => ({
  filter: NO_FILTER,
  page: 0,
  pageSize: 50,
  selected: new Set(),
  everyMatching: null,
  setFilter: (patch) =>
    set({ filter: { ...get().filter, ...patch }, page: 0, everyMatching: null }),
  setPage: (page) => set({ page }),
  setPageSize: (pageSize) => set({ pageSize, page: 0 }),
  toggle(id) {
    const next = new Set(get().selected);
    if (next.delete(id)) set({ selected: next, everyMatching: null });
    else set({ selected: next.add(id) });
  },
  toggleMatching(ids) {
    const cur = get().selected;
    const all = ids.length > 0 && ids.every((id) => cur.has(id));
    const next = new Set(cur);
    for (const id of ids) {
      if (all) next.delete(id);
      else next.add(id);
    }
    set({ selected: next, everyMatching: !all && ids.length > 0 ? ids : null });
  },
  setSelected: (ids) => set({ selected: new Set(ids), everyMatching: null }),
  clearSelection: () => set({ selected: new Set(), everyMatching: null }),
}));
