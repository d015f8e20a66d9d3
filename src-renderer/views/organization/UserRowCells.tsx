// Two cells of a user's row: the product chips (each opens its revoke) and the row's menu.
import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import type { OrgUserProduct, OrgUserRow } from '../../../src-shared/domain/org.ts';
import { formatDate } from '../../format/time.ts';
import type { UserActions } from './actions.ts';

const SHOWN_PRODUCTS = 2;

interface CellProps {
  user: OrgUserRow;
  actions: UserActions;
}

export function ProductChips({ user: u, actions }: CellProps) {
  // A borrowed product comes first: its "Borrowed until …" must not be cut off (issue 13).
  const products = [...u.products].sort(
    (a, b) => Number(!!b.borrowedUntil) - Number(!!a.borrowedUntil),
  );
  const more = products.length - SHOWN_PRODUCTS;
  return (
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
  );
}

export function UserMenu({ user: u, actions }: CellProps) {
  return (
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
  );
}
