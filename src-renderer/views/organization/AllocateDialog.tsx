// "Allocate product to user" (docs/sources.md, Portal guide §XIII): product, expiration date (which
// purchase), quantity, and From whom to re-allocate when no seat of that purchase is free. Its
// state and allocate() live in useAllocate; each step is a component below.
import { SelectField } from './SelectField.tsx';
import type { OrgPurchaseRow, OrgUserRow } from '../../../src-shared/domain/org.ts';
import { Banner } from '../../components/Banner.tsx';
import { Button } from '../../components/Button.tsx';
import { formatDate } from '../../format/time.ts';
import { Dialog } from './Dialog.tsx';
import { useAllocate, type AllocateState } from './useAllocate.ts';

const termLabel = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);

interface AllocateProps {
  user: OrgUserRow;
  /** The purchase to start on (the bulk result's Re-allocate…); else the first product's. */
  purchaseId?: string;
  /** Called once the allocation is made (queued), before the dialog closes. */
  onAllocated?: () => void;
  onClose: () => void;
}

export function AllocateDialog({ user, purchaseId: initial, onAllocated, onClose }: AllocateProps) {
  const a = useAllocate({ user, initial, onAllocated, onClose });
  const { purchase, needFrom, error, busy, allocate } = a;

  return (
    <Dialog
      title="Allocate product to user"
      onClose={onClose}
      wide
      footer={
        <>
          <Button variant="quiet" onClick={onClose}>
            Cancel
          </Button>
          <Button
            variant="primary"
            busy={busy}
            disabled={!purchase}
            onClick={() => void allocate()}
          >
            Allocate
          </Button>
        </>
      }
    >
      <div className="org-steps">
        <div className="org-step">
          <h3>To</h3>
          <p>
            {user.name} · <span className="org-muted">{user.email}</span>
          </p>
        </div>
        <ProductStep a={a} />
        {purchase && <PurchaseStep a={a} purchase={purchase} />}
        {needFrom && <FromStep a={a} />}
      </div>
      {error && (
        <Banner tone="error" title="The product was not allocated">
          {error}
        </Banner>
      )}
    </Dialog>
  );
}

/** One choice per product, with its free seats over all its purchases. */
function ProductStep({ a }: { a: AllocateState }) {
  const { products, code, productName, pickProduct } = a;
  return (
    <fieldset className="org-step">
      <legend>Product</legend>
      {products.length === 0 && (
        <p className="org-muted">The organization has no product it can assign.</p>
      )}
      <div className="org-product-choices">
        {products.map((g) => {
          const first = g[0] as OrgPurchaseRow;
          const seats = g.reduce((n, p) => n + p.quantity - p.assigned, 0);
          return (
            <label key={first.productCode} className="org-radio org-radio-card">
              <input
                type="radio"
                name={productName}
                checked={code === first.productCode}
                onChange={() => pickProduct(first.productCode)}
              />
              <span>
                <strong>
                  {first.productName} - {termLabel(first.term)}
                </strong>
                <span className="org-radio-note">
                  {seats} free of {g.reduce((n, p) => n + p.quantity, 0)}
                </span>
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}

/** Which purchase of the product (by expiration date) and how many seats. */
function PurchaseStep({ a, purchase }: { a: AllocateState; purchase: OrgPurchaseRow }) {
  const { forProduct, quantity, pickPurchase, pickQuantity } = a;
  return (
    <div className="org-step org-step-row">
      <SelectField
        label="Expiration date"
        value={purchase.id}
        onChange={(e) => pickPurchase(e.target.value)}
      >
        {forProduct.map((p) => (
          <option key={p.id} value={p.id}>
            {p.expiresAt ? formatDate(p.expiresAt) : 'No expiration date'} ·{' '}
            {p.quantity - p.assigned} of {p.quantity} free
          </option>
        ))}
      </SelectField>
      <label className="org-select">
        <span>Quantity</span>
        <input
          type="number"
          min={1}
          max={purchase.quantity}
          value={quantity}
          onChange={(e) => pickQuantity(e.target.value)}
        />
      </label>
    </div>
  );
}

/** Whom to take the license from when the purchase has too few free seats. */
function FromStep({ a }: { a: AllocateState }) {
  const { fromId, setFromId, holders, free } = a;
  return (
    <div className="org-step">
      <SelectField label="From" wide value={fromId} onChange={(e) => setFromId(e.target.value)}>
        <option value="">Choose a user to re-allocate from…</option>
        {holders.map((h) => (
          <option key={h.id} value={h.id}>
            {h.name} ({h.email})
          </option>
        ))}
      </SelectField>
      <p className="org-muted">
        {free <= 0
          ? 'Every seat of this purchase is assigned: choose the user to take the license from.'
          : `Only ${free} seat${free === 1 ? ' is' : 's are'} free: the rest comes from the user you choose.`}
      </p>
    </div>
  );
}
