// The user list's state as the directory shows it: the page from the core, the counts, the pager,
// the header checkbox (select every matching user, on any page) and the CSV download.
import { useMemo, useState } from 'react';
import { filterQuery } from '../../../src-shared/org/rules/user-filter.ts';
import { messageOf } from '../../stores/errors.ts';
import { useOrg } from './orgStore.ts';
import { useOrgList } from './orgListStore.ts';
import { exportUsers } from './exportUsers.ts';
import { productChoices } from './userFilter.ts';
import { allRows, matchingIds, rowsOf } from './userRows.ts';

export function useUserDirectory() {
  const users = useOrg((s) => s.users);
  const total = useOrg((s) => s.total);
  const all = useOrg((s) => s.all);
  const purchases = useOrg((s) => s.purchases);
  const list = useOrgList();
  const { filter, page, pageSize, selected, everyMatching } = list;
  const products = useMemo(() => productChoices(users, purchases), [users, purchases]);
  const [exporting, setExporting] = useState(false);
  /** A read for select all or the download that failed, said beside the pager. */
  const [problem, setProblem] = useState<string | null>(null);

  const size = pageSize === 0 ? Math.max(total, 1) : pageSize;
  const pages = Math.max(1, Math.ceil(total / size));
  const current = Math.min(page, pages - 1);
  const whole = users.length === total;
  const checkedHere = users.reduce((n, u) => n + (selected.has(u.id) ? 1 : 0), 0);
  const allChecked = total > 0 && (everyMatching !== null || (whole && checkedHere === total));
  /** Select all was clicked and the core is naming every match: shown checked meanwhile. */
  const [checking, setChecking] = useState(false);

  async function toggleAll() {
    setProblem(null);
    const { toggleMatching } = useOrgList.getState();
    // Unchecking, or every match on this page: the ids are at hand.
    if (allChecked) return toggleMatching(everyMatching ?? users.map((u) => u.id));
    if (whole) return toggleMatching(users.map((u) => u.id));
    setChecking(true);
    try {
      toggleMatching(await matchingIds(filterQuery(filter)));
    } catch (err) {
      setProblem(messageOf(err));
    } finally {
      setChecking(false);
    }
  }

  async function download() {
    setProblem(null);
    setExporting(true);
    try {
      if (selected.size)
        exportUsers(await rowsOf([...selected]), 'organization-users-selected.csv');
      else exportUsers(await allRows(filterQuery(filter)), 'organization-users.csv');
    } catch (err) {
      setProblem(messageOf(err));
    } finally {
      setExporting(false);
    }
  }

  return {
    users,
    total,
    all,
    products,
    filter,
    selected,
    pages,
    current,
    pageSize,
    offset: pageSize === 0 ? 0 : current * size,
    allChecked: allChecked || checking,
    someChecked: !allChecked && !checking && selected.size > 0,
    exporting,
    problem,
    toggle: list.toggle,
    toggleAll,
    download,
    setPage: list.setPage,
    setPageSize: list.setPageSize,
  };
}

export type UserDirectoryState = ReturnType<typeof useUserDirectory>;
