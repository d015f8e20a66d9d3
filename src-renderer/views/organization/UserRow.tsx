// One user of the list: checkbox, name and email with role, products, credit access, and its menu.
import { EmailText } from '../../components/EmailText.tsx';
import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { memo } from 'react';
import type { OrgUserProduct, OrgUserRow } from '../../../src-shared/domain/org.ts';
import { roleLabel } from '../../format/account.ts';
import { formatDate } from '../../format/time.ts';
import { quotaLabel } from '../products/format.ts';
import type { UserActions } from './actions.ts';

interface UserRowProps {
  user: OrgUserRow;
  index: number;
  checked: boolean;
  onToggle: (id: string) => void;
  actions: UserActions;
  top: number;
}

const SHOWN_PRODUCTS = 2;

export const UserRow = memo(function UserRow({
  user: u,
  index,
  checked,
  onToggle,
  actions,
  top,
}: UserRowProps) {
  // A borrowed product comes first: its "Borrowed until …" must not be cut off (issue 13).
  const products = [...u.products].sort(
    (a, b) => Number(!!b.borrowedUntil) - Number(!!a.borrowedUntil),
  );
  const more = products.length - SHOWN_PRODUCTS;
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
      <div role="cell" className="org-cell-products">
        {products.length === 0 ? (
          <span className="org-muted">No products</span>
        ) : (
          <>
            {products.slice(0, SHOWN_PRODUCTS).map((p) => (
              <button
                type="button"
                key={p.purchaseId}
                className={`product-chip${p.pending ? ' product-chip-pending' : ''}${p.borrowedUntil ? ' product-chip-wide' : ''}`}
                title={`${p.productName}${p.quantity > 1 ? ` × ${p.quantity}` : ''}${p.borrowedUntil ? ` (borrowed until ${formatDate(p.borrowedUntil)})` : ''}`}
                aria-label={`${p.productName}${p.quantity > 1 ? ` × ${p.quantity}` : ''}${p.borrowedUntil ? ` Borrowed until ${formatDate(p.borrowedUntil)}` : ''} of ${u.email}: revoke`}
                onClick={() => actions.revoke(u, p.productCode)}
              >
                {p.productName}
                {p.quantity > 1 && <span className="product-chip-qty">×{p.quantity}</span>}
                {p.borrowedUntil && ' '}
                {p.borrowedUntil && (
                  <span className="product-chip-borrowed">
                    Borrowed until {formatDate(p.borrowedUntil)}
                  </span>
                )}
              </button>
            ))}
            {more > 0 && (
              <button
                type="button"
                className="product-chip product-chip-more"
                onClick={() =>
                  actions.revoke(u, (products[SHOWN_PRODUCTS] as OrgUserProduct).productCode)
                }
                title={products
                  .slice(SHOWN_PRODUCTS)
                  .map((p) => p.productName)
                  .join(', ')}
              >
                +{more}
                <span className="visually-hidden">
                  {' '}
                  more:{' '}
                  {products
                    .slice(SHOWN_PRODUCTS)
                    .map((p) => p.productName)
                    .join(', ')}
                </span>
              </button>
            )}
          </>
        )}
      </div>
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
      <div role="cell" className="org-cell-menu">
        <DropdownMenu.Root modal={false}>
          <DropdownMenu.Trigger className="icon-button" aria-label={`Actions for ${u.email}`}>
            <span aria-hidden="true">⋯</span>
          </DropdownMenu.Trigger>
          <DropdownMenu.Portal>
            <DropdownMenu.Content className="menu" align="end" sideOffset={4}>
              <DropdownMenu.Item className="menu-item" onSelect={() => actions.allocate(u)}>
                Allocate product to user
              </DropdownMenu.Item>
              <DropdownMenu.Item className="menu-item" onSelect={() => actions.remove([u])}>
                Remove user
              </DropdownMenu.Item>
            </DropdownMenu.Content>
          </DropdownMenu.Portal>
        </DropdownMenu.Root>
      </div>
    </div>
  );
});
