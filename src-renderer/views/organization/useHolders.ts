// The users holding a seat of a purchase (other than one user): who a license can be re-allocated
// from. Read from the core (the product's holders) when the dialog needs them, not kept in the list.
import { useEffect, useState } from 'react';
import type { OrgPurchaseRow, OrgUserRow } from '../../../src-shared/domain/org.ts';
import { allRows } from './userRows.ts';

export function useHolders(
  purchase: OrgPurchaseRow | undefined,
  exceptUserId: string,
  needed: boolean,
): OrgUserRow[] {
  const [holders, setHolders] = useState<OrgUserRow[]>([]);
  const purchaseId = purchase?.id;
  const productCode = purchase?.productCode;
  useEffect(() => {
    setHolders([]);
    if (!needed || !purchaseId || !productCode) return;
    let live = true;
    allRows({ productCode })
      .then((users) => {
        if (!live) return;
        setHolders(
          users.filter(
            (u) => u.id !== exceptUserId && u.products.some((p) => p.purchaseId === purchaseId),
          ),
        );
      })
      .catch(() => live && setHolders([]));
    return () => {
      live = false;
    };
  }, [needed, purchaseId, productCode, exceptUserId]);
  return holders;
}
