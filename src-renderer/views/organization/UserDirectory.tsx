// The organization's user list: toolbar, a virtualized table of the current page, and the pager.
import { SelectField } from './SelectField.tsx';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useMemo, useRef, type KeyboardEvent } from 'react';
import type { OrgUserRow } from '../../../src-shared/domain/org.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { useOrg } from './orgStore.ts';
import { PAGE_SIZES, useOrgList } from './orgListStore.ts';
import type { UserActions } from './actions.ts';
import { exportUsers } from './exportUsers.ts';
import { filterUsers, productChoices, isFiltered } from './userFilter.ts';
import { UserRow } from './UserRow.tsx';
import { UserToolbar } from './UserToolbar.tsx';

export const ROW_HEIGHT = 60;

export function UserDirectory({ actions }: { actions: UserActions }) {
  const users = useOrg((s) => s.users);
  const { filter, page, pageSize, selected, toggle, toggleAll, setPage, setPageSize } =
    useOrgList();
  const matches = useMemo(() => filterUsers(users, filter), [users, filter]);
  const purchases = useOrg((s) => s.purchases);
  const products = useMemo(() => productChoices(users, purchases), [users, purchases]);
  const size = pageSize === 0 ? Math.max(matches.length, 1) : pageSize;
  const pages = Math.max(1, Math.ceil(matches.length / size));
  const current = Math.min(page, pages - 1);
  const rows = useMemo(
    () => (pageSize === 0 ? matches : matches.slice(current * size, (current + 1) * size)),
    [matches, current, size, pageSize],
  );
  const ids = useMemo(() => matches.map((u) => u.id), [matches]);
  const checkedHere = ids.reduce((n, id) => n + (selected.has(id) ? 1 : 0), 0);

  return (
    <section className="card org-users" aria-label="Users">
      <UserToolbar products={products} />
      <div
        className="org-table"
        role="table"
        aria-label="Organization users"
        aria-rowcount={rows.length + 1}
      >
        <div className="org-row org-head" role="row" aria-rowindex={1}>
          <div role="columnheader" className="org-cell-check">
            <input
              type="checkbox"
              className="org-check"
              aria-label={
                isFiltered(filter)
                  ? `Select all ${matches.length} matching users`
                  : `Select all ${matches.length} users`
              }
              checked={checkedHere > 0 && checkedHere === ids.length}
              ref={(el) => {
                if (el) el.indeterminate = checkedHere > 0 && checkedHere < ids.length;
              }}
              disabled={ids.length === 0}
              onChange={() => toggleAll(ids)}
            />
          </div>
          <div role="columnheader" className="org-cell-user">
            User
          </div>
          <div role="columnheader" className="org-cell-products">
            Products
          </div>
          <div role="columnheader" className="org-cell-credit">
            Credit access
          </div>
          <div role="columnheader" className="org-cell-menu">
            <span className="visually-hidden">Actions</span>
          </div>
        </div>
        {rows.length === 0 ? (
          // A table holds rows only (axe: aria-required-children): the empty state is one.
          <div role="row" className="org-row-empty">
            <div role="cell">
              <EmptyState icon="organization" title="No users match">
                {users.length === 0
                  ? 'Invite Members and Guests from the Users tile.'
                  : 'Try another name, email, product or filter.'}
              </EmptyState>
            </div>
          </div>
        ) : (
          <VirtualRows
            rows={rows}
            offset={pageSize === 0 ? 0 : current * size}
            selected={selected}
            onToggle={toggle}
            actions={actions}
          />
        )}
      </div>
      <footer className="org-pager">
        <span className="org-pager-count">
          {matches.length === users.length
            ? `${users.length} ${users.length === 1 ? 'user' : 'users'}`
            : `${matches.length} of ${users.length} users match`}
        </span>
        <button
          type="button"
          className="btn btn-quiet btn-sm"
          disabled={matches.length === 0}
          onClick={() => {
            const chosen = users.filter((u) => selected.has(u.id));
            if (chosen.length) exportUsers(chosen, 'organization-users-selected.csv');
            else exportUsers(matches, 'organization-users.csv');
          }}
        >
          {selected.size ? `Download CSV (${selected.size} selected)` : 'Download CSV'}
        </button>
        <SelectField
          label="Users per page"
          value={pageSize}
          onChange={(e) => setPageSize(Number(e.target.value))}
        >
          {PAGE_SIZES.map((n) => (
            <option key={n} value={n}>
              {n === 0 ? 'All' : n}
            </option>
          ))}
        </SelectField>
        <nav className="org-pages" aria-label="Pages">
          <button
            type="button"
            className="btn btn-quiet btn-sm"
            disabled={current === 0}
            onClick={() => setPage(current - 1)}
          >
            Previous
          </button>
          <span aria-live="polite">
            Page {current + 1} of {pages}
          </span>
          <button
            type="button"
            className="btn btn-quiet btn-sm"
            disabled={current >= pages - 1}
            onClick={() => setPage(current + 1)}
          >
            Next
          </button>
        </nav>
      </footer>
    </section>
  );
}

interface VirtualRowsProps {
  rows: readonly OrgUserRow[];
  offset: number;
  selected: ReadonlySet<string>;
  onToggle: (id: string) => void;
  actions: UserActions;
}

function VirtualRows({ rows, offset, selected, onToggle, actions }: VirtualRowsProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const v = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    // First paint before the scroller is measured: assume a typical viewport.
    initialRect: { width: 1000, height: 600 },
  });

  // Up and Down move between the same control of neighbouring rows, scrolling rows into being.
  const onKeyDown = useCallback(
    (e: KeyboardEvent<HTMLDivElement>) => {
      if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
      const target = e.target as HTMLElement;
      if (target.tagName === 'SELECT' || target.closest('[role="menu"]')) return;
      const row = target.closest<HTMLElement>('[role="row"]');
      const cell = target.closest<HTMLElement>('[role="cell"]');
      if (!row || !cell) return;
      e.preventDefault();
      const index = Number(row.getAttribute('aria-rowindex')) - 2 - offset;
      const next = index + (e.key === 'ArrowDown' ? 1 : -1);
      if (next < 0 || next >= rows.length) return;
      const column = [...row.children].indexOf(cell);
      v.scrollToIndex(next);
      const focusNext = () => {
        const el = scroller.current?.querySelector<HTMLElement>(
          `[aria-rowindex="${next + 2 + offset}"] > :nth-child(${column + 1}) :is(input, button)`,
        );
        if (el) el.focus();
        return !!el;
      };
      if (!focusNext()) requestAnimationFrame(() => void focusNext());
    },
    [rows.length, offset, v],
  );

  return (
    <div className="org-scroll" ref={scroller} onKeyDown={onKeyDown} role="rowgroup">
      <div className="org-scroll-inner" style={{ height: v.getTotalSize() }}>
        {v.getVirtualItems().map((item) => {
          const u = rows[item.index] as OrgUserRow;
          return (
            <UserRow
              key={u.id}
              user={u}
              index={offset + item.index}
              top={item.start}
              checked={selected.has(u.id)}
              onToggle={onToggle}
              actions={actions}
            />
          );
        })}
      </div>
    </div>
  );
}
