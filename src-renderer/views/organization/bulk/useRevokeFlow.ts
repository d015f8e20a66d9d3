// Bulk revoke's state as RevokeFlow shows it: the step, the users checked, the products they hold
// (taken when leaving the user step) and those picked, and one change per product, each followed.
import { useState } from 'react';
import type { OrgPurchaseRow, OrgUserRow } from '../../../../src-shared/domain/org.ts';
import { itemKey } from '../../../../src-shared/org/item-key.ts';
import { isLockedTerm } from '../../../../src-shared/org/model.ts';
import { useOrg } from '../orgStore.ts';
import { send, type SentChange } from '../changes/send.ts';

interface Held {
  code: string;
  name: string;
  users: OrgUserRow[];
  locked: boolean;
}

function heldBy(users: OrgUserRow[], purchases: OrgPurchaseRow[]): Held[] {
  const termOf = new Map(purchases.map((p) => [p.id, p.term]));
  const m = new Map<string, Held>();
  for (const u of users)
    for (const p of u.products) {
      const e = m.get(p.productCode) ?? {
        code: p.productCode,
        name: p.productName,
        users: [],
        locked: false,
      };
      if (!e.users.includes(u)) e.users.push(u);
      if (isLockedTerm(termOf.get(p.purchaseId) ?? '')) e.locked = true;
      m.set(p.productCode, e);
    }
  return [...m.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export function useRevokeFlow(users: OrgUserRow[], startChecked: boolean) {
  const purchases = useOrg((s) => s.purchases);
  const [step, setStep] = useState(0);
  const [checked, setChecked] = useState<ReadonlySet<string>>(
    () => new Set(startChecked ? users.map((u) => u.id) : []),
  );
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState<SentChange[] | null>(null);
  const selected = users.filter((u) => checked.has(u.id));
  // Taken when leaving the user step: the list changes as soon as the revokes are queued.
  const [held, setHeld] = useState<Held[]>([]);
  const chosen = held.filter((h) => picked.has(h.code));

  async function revoke() {
    setBusy(true);
    const out: SentChange[] = [];
    for (const h of chosen) {
      const keys = h.users.map((u) => ({ key: itemKey(u.id, h.code), email: u.email }));
      const ids = h.users.map((u) => u.id);
      out.push(
        await send('org.revoke', { userIds: ids, productCode: h.code }, { keys, label: h.name }),
      );
    }
    setBusy(false);
    setSent(out);
    setStep(3);
  }
  const toggle = (code: string) => {
    const next = new Set(picked);
    if (!next.delete(code)) next.add(code);
    setPicked(next);
  };

  return {
    step,
    setStep,
    back: () => setStep(step - 1),
    checked,
    setChecked,
    toProducts: () => {
      setHeld(heldBy(selected, purchases));
      setStep(1);
    },
    picked,
    toggle,
    revoke,
    busy,
    sent,
    selected,
    held,
    chosen,
  };
}

export type RevokeFlowState = ReturnType<typeof useRevokeFlow>;
