// One user of the list: checkbox, name and email with role, products, credit access, and its menu
// (the products and the menu cells are UserRowCells.tsx).
import { EmailText } from '../../components/EmailText.tsx';
import { memo } from 'react';
import type { OrgUserRow } from '../../../src-shared/domain/org.ts';
import { roleLabel } from '../../format/account.ts';
import { quotaLabel } from '../products/format.ts';
import type { UserActions } from './actions.ts';
import { ProductChips, UserMenu } from './UserRowCells.tsx';

interface UserRowProps {
  user: OrgUserRow;
  index: number;
  checked: boolean;
  onToggle: (id: string) => void;
  actions: UserActions;
  top: number;
}

export const UserRow = memo(function UserRow({
  user: u,
  index,
  checked,
  onToggle,
  actions,
  top,
}: UserRowProps) {
  const credit = u.creditAccess;
  return (
    <div
      className={`org-row${checked ? ' org-row-checked' : ''}`}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={checked}
      data-user={u.email}
      style={{ transform: `translateY(${top}px)` }}
    >
      <div role="cell" className="org-cell-check">
        <input
          type="checkbox"
          className="org-check"
          checked={checked}
          onChange={() => onToggle(u.id)}
          aria-label={`Select ${u.name || u.email}`}
        />
      </div>
      <div role="cell" className="org-cell-user">
        <span className="cell-primary org-name">
          {u.name || u.email}
          <span className="org-role"> · {roleLabel[u.role]}</span>
          {u.pending && (
            <span className="pending-badge" title="Waiting for the cloud to confirm this change">
              Pending
            </span>
          )}
        </span>
        <span className="cell-secondary org-email">
          <EmailText email={u.email} />
        </span>
      </div>
      <ProductChips user={u} actions={actions} />
      <div role="cell" className="org-cell-credit">
        <button
          type="button"
          className={`credit-button credit-${credit.mode}`}
          onClick={(e) => actions.editCredit(u, e.currentTarget)}
          aria-haspopup="dialog"
        >
          {/* Named by its visible text, then what it changes (axe: label-content-name-mismatch). */}
          {quotaLabel(credit)}
          {credit.mode === 'limit' && <span className="credit-hint"> available / limit</span>}
          <span className="visually-hidden"> — Cloud credit access of {u.email}. Change</span>
        </button>
      </div>
      <UserMenu user={u} actions={actions} />
    </div>
  );
});
