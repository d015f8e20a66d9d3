// The revoke dialog's state: the user's products as choices (identical products together, trial
// and beta locked), the chosen one, and revoke() with its optimistic row.
import { useId, useMemo, useState } from 'react';
import type { OrgUserRow } from '../../../src-shared/domain/org.ts';
import { isLockedTerm } from '../../../src-shared/org/model.ts';
import { checkRevoke, revokedRow } from '../../../src-shared/org/rules/revoke.ts';
import { afterPaint } from '../../components/afterPaint.ts';
import { useOrg } from './orgStore.ts';
import { send } from './changes/send.ts';

export function useRevoke(user: OrgUserRow, productCode: string, onClose: () => void) {
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

  function choose(c: string) {
    setCode(c);
    setError(null);
  }

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

  return { products, code, chosen, error, busy, name, choose, revoke };
}
