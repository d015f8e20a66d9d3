// "Allocate product to user" (docs/sources.md, Portal guide §XIII): product, expiration date (which
// purchase), quantity, and From whom to re-allocate when no seat of that purchase is free.
import { useSession } from '../../stores/session.ts';
import { say } from '../../stores/toast.ts';
import { SelectField } from './SelectField.tsx';
import { useId, useMemo, useState } from 'react';
import type { OrgPurchaseRow, OrgUserRow } from '../../../src-shared/domain/org.ts';
import { isLockedTerm } from '../../../src-shared/org/model.ts';
import { Banner } from '../../components/Banner.tsx';
import { Button } from '../../components/Button.tsx';
import { formatDate } from '../../format/time.ts';
import { appNowIso } from '../../app/clock.ts';
import { useOrg } from './orgStore.ts';
import { send } from './changes/send.ts';
import { Dialog } from './Dialog.tsx';
import { useHolders } from './useHolders.ts';

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
  const purchases = useOrg((s) => s.purchases);
  const now = appNowIso();
  const usable = purchases.filter(
    (p) => !isLockedTerm(p.term) && (p.expiresAt === null || p.expiresAt > now),
  );
  const products = useMemo(() => {
    const m = new Map<string, OrgPurchaseRow[]>();
    for (const p of usable) m.set(p.productCode, [...(m.get(p.productCode) ?? []), p]);
    return [...m.values()].sort((a, b) =>
      (a[0] as OrgPurchaseRow).productName.localeCompare((b[0] as OrgPurchaseRow).productName),
    );
  }, [usable]);

  const start = usable.find((p) => p.id === initial);
  const [code, setCode] = useState(start?.productCode ?? products[0]?.[0]?.productCode ?? '');
  const forProduct = products.find((g) => g[0]?.productCode === code) ?? [];
  const [purchaseId, setPurchaseId] = useState(start?.id ?? forProduct[0]?.id ?? '');
  const purchase = forProduct.find((p) => p.id === purchaseId) ?? forProduct[0];
  const [quantity, setQuantity] = useState(1);
  const free = purchase ? purchase.quantity - purchase.assigned : 0;
  const needFrom = !!purchase && quantity > free;
  const holders = useHolders(purchase, user.id, needFrom);
  const [fromId, setFromId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const productName = useId();

  function pickProduct(c: string) {
    setCode(c);
    const first = products.find((g) => g[0]?.productCode === c)?.[0];
    setPurchaseId(first?.id ?? '');
    setFromId('');
    setError(null);
  }

  async function allocate() {
    if (!purchase) return;
    if (needFrom && !fromId) return setError('Choose the user to re-allocate the license from');
    setBusy(true);
    const r = await send('org.assign', {
      userIds: [user.id],
      purchaseId: purchase.id,
      quantity,
      ...(needFrom ? { fromUserId: fromId } : {}),
    });
    setBusy(false);
    if (r.mutationId === null) return setError(r.message);
    if (r.failed.length) return setError(r.failed[0]?.message ?? 'The product was not allocated');
    const what = `${purchase.productName}${quantity > 1 ? ` × ${quantity}` : ''}`;
    const who = user.name || user.email;
    onAllocated?.();
    say(
      useSession.getState().session?.sync.online
        ? `${what} allocated to ${who}.`
        : `${what} will be allocated to ${who} when you’re back online.`,
    );
    onClose();
  }

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
        {purchase && (
          <div className="org-step org-step-row">
            <SelectField
              label="Expiration date"
              value={purchase.id}
              onChange={(e) => {
                setPurchaseId(e.target.value);
                setFromId('');
              }}
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
                onChange={(e) => {
                  setQuantity(Math.max(1, Math.floor(Number(e.target.value) || 1)));
                  setError(null);
                }}
              />
            </label>
          </div>
        )}
        {needFrom && (
          <div className="org-step">
            <SelectField
              label="From"
              wide
              value={fromId}
              onChange={(e) => setFromId(e.target.value)}
            >
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
        )}
      </div>
      {error && (
        <Banner tone="error" title="The product was not allocated">
          {error}
        </Banner>
      )}
    </Dialog>
  );
}
