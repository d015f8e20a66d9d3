// The allocate dialog's state: the products the organization can assign (by product, each with its
// purchases), the chosen purchase and quantity, From whom when no seat of it is free, and
// allocate().
import { useId, useMemo, useState } from 'react';
import type { OrgPurchaseRow, OrgUserRow } from '../../../src-shared/domain/org.ts';
import { isLockedTerm } from '../../../src-shared/org/model.ts';
import { useSession } from '../../stores/session.ts';
import { say } from '../../stores/toast.ts';
import { appNowIso } from '../../app/clock.ts';
import { useOrg } from './orgStore.ts';
import { send } from './changes/send.ts';
import { useHolders } from './useHolders.ts';

interface AllocateOptions {
  user: OrgUserRow;
  /** The purchase to start on (the bulk result's Re-allocate…); else the first product's. */
  initial: string | undefined;
  /** Called once the allocation is made (queued), before the dialog closes. */
  onAllocated: (() => void) | undefined;
  onClose: () => void;
}

export function useAllocate({ user, initial, onAllocated, onClose }: AllocateOptions) {
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

  function pickPurchase(id: string) {
    setPurchaseId(id);
    setFromId('');
  }

  function pickQuantity(value: string) {
    setQuantity(Math.max(1, Math.floor(Number(value) || 1)));
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

  return {
    products,
    code,
    forProduct,
    purchase,
    quantity,
    free,
    needFrom,
    holders,
    fromId,
    error,
    busy,
    productName,
    pickProduct,
    pickPurchase,
    pickQuantity,
    setFromId,
    allocate,
  };
}

export type AllocateState = ReturnType<typeof useAllocate>;
