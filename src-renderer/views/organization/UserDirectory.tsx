// The organization's user list: toolbar, a virtualized table of the page the core answered, and
// the pager. Its state lives in useUserDirectory; the rows in VirtualRows.
import { EmptyState } from '../../components/EmptyState.tsx';
import type { UserActions } from './actions.ts';
import { isFiltered } from './userFilter.ts';
import { useUserDirectory } from './useUserDirectory.ts';
import { UserPager } from './UserPager.tsx';
import { UserToolbar } from './UserToolbar.tsx';
import { VirtualRows } from './VirtualRows.tsx';

export function UserDirectory({ actions }: { actions: UserActions }) {
  const d = useUserDirectory();
  return (
    <section className="card org-users" aria-label="Users">
      <UserToolbar products={d.products} />
      <div
        className="org-table"
        role="table"
        aria-label="Organization users"
        aria-rowcount={d.users.length + 1}
      >
        <div className="org-row org-head" role="row" aria-rowindex={1}>
          <div role="columnheader" className="org-cell-check">
            <input
              type="checkbox"
              className="org-check"
              aria-label={
                isFiltered(d.filter)
                  ? `Select all ${d.total} matching users`
                  : `Select all ${d.total} users`
              }
              checked={d.allChecked}
              ref={(el) => {
                if (el) el.indeterminate = d.someChecked;
              }}
              disabled={d.total === 0}
              onChange={() => void d.toggleAll()}
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
        {d.users.length === 0 ? (
          // A table holds rows only (axe: aria-required-children): the empty state is one.
          <div role="row" className="org-row-empty">
            <div role="cell">
              <EmptyState icon="organization" title="No users match">
                {d.all === 0
                  ? 'Invite Members and Guests from the Users tile.'
                  : 'Try another name, email, product or filter.'}
              </EmptyState>
            </div>
          </div>
        ) : (
          <VirtualRows
            rows={d.users}
            offset={d.offset}
            selected={d.selected}
            onToggle={d.toggle}
            actions={actions}
          />
        )}
      </div>
      <UserPager d={d} />
    </section>
  );
}
