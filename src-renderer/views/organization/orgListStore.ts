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
  /** Every user the filter matches was checked at once (select all), none unchecked since. */
  everyMatching: boolean;
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
  everyMatching: false,
  setFilter: (patch) =>
    set({ filter: { ...get().filter, ...patch }, page: 0, everyMatching: false }),
  setPage: (page) => set({ page }),
  setPageSize: (pageSize) => set({ pageSize, page: 0 }),
  toggle(id) {
    const next = new Set(get().selected);
    if (next.delete(id)) set({ selected: next, everyMatching: false });
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
    set({ selected: next, everyMatching: !all && ids.length > 0 });
  },
  setSelected: (ids) => set({ selected: new Set(ids), everyMatching: false }),
  clearSelection: () => set({ selected: new Set(), everyMatching: false }),
}));
