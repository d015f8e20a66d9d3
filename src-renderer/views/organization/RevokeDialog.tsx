// "Revoke product" of one user (docs/sources.md, Portal guide §XIX): identical products go
// together; trial and beta licenses are not the organization's to revoke; a borrowed license
// answers with the seed's message.
import { useId, useMemo, useState } from 'react';
import type { OrgUserRow } from '../../../src-shared/domain/org.ts';
import { isLockedTerm } from '../../../src-shared/org/model.ts';
import { checkRevoke, revokedRow } from '../../../src-shared/org/rules/revoke.ts';
import { Banner } from '../../components/Banner.tsx';
import { Button } from '../../components/Button.tsx';
import { afterPaint } from '../../components/afterPaint.ts';
import { useOrg } from './orgStore.ts';
import { send } from './changes/send.ts';
import { Dialog } from './Dialog.tsx';

interface Props {
  user: OrgUserRow;
  productCode: string;
  onClose: () => void;
}

export function RevokeDialog({ user, productCode, onClose }: Props) {
  const purchases = useOrg((s) => s.purchases);
  const termOf = useMemo(() => new Map(purchases.map((p) => [p.id, p.term])), [purchases]);
  // Identical products (same code) are revoked together, so they are one choice here.
  const products = useMemo(() => {
    const m = new Map<string, { code: string; name: string; seats: number; locked: boolean }>();
    for (const p of user.products) {
      const e = m.get(p.productCode) ?? {
        code: p.productCode,
        name: p.productName,
        seats: 0,
        locked: false,
      };
      e.seats += p.quantity;
      if (isLockedTerm(termOf.get(p.purchaseId) ?? '')) e.locked = true;
      m.set(p.productCode, e);
    }
    return [...m.values()];
  }, [user.products, termOf]);
  const [code, setCode] = useState(productCode);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const name = useId();
  const chosen = products.find((p) => p.code === code);

  async function revoke() {
    if (!chosen) return;
    setBusy(true);
    // The row changes at once where the rule the core checks allows the revoke here too.
    const held = user.products.filter((p) => p.productCode === chosen.code);
    const allowed = checkRevoke({
      email: user.email,
      inOrganization: true,
      productName: chosen.name,
      assignments: held.map((p) => ({
        term: termOf.get(p.purchaseId) ?? '',
        seats: p.quantity,
        borrowedSeats: p.borrowed,
      })),
    }).ok;
    const r = await send(
      'org.revoke',
      { userIds: [user.id], productCode: chosen.code },
      { optimistic: allowed ? [revokedRow(user, chosen.code)] : [] },
    );
    setBusy(false);
    if (r.mutationId === null) return setError(r.message);
    // The row was painted in the click's task; the dialog closes after that frame, not in it
    // (bench/org-change.bench.ts: the close restyles the page and the core often answers first).
    afterPaint(onClose);
  }

  return (
    <Dialog
      title="Revoke product"
      onClose={onClose}
      footer={
        <>
          <Button variant="quiet" onClick={onClose}>
            Cancel
          </Button>
          <Button
            className="btn-danger"
            busy={busy}
            disabled={!chosen || chosen.locked}
            onClick={() => void revoke()}
          >
            Revoke product
          </Button>
        </>
      }
    >
      <p>
        From <strong>{user.name}</strong> <span className="org-muted">({user.email})</span>
      </p>
      <fieldset className="org-step">
        <legend>Product</legend>
        {products.map((p) => (
          <label key={p.code} className="org-radio">
            <input
              type="radio"
              name={name}
              checked={code === p.code}
              onChange={() => {
                setCode(p.code);
                setError(null);
              }}
            />
            <span>
              <strong>{p.name}</strong>
              <span className="org-radio-note">
                {p.locked
                  ? 'Trial/beta licenses cannot be revoked by the Administrator'
                  : p.seats > 1
                    ? `${p.seats} identical licenses — they are revoked together`
                    : '1 license'}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      <p className="org-muted">The user is notified by email.</p>
      {error && (
        <Banner tone="error" title="The product was not revoked">
          {error}
        </Banner>
      )}
    </Dialog>
  );
}
