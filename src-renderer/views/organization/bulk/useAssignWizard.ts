// The bulk assignment wizard's state as AssignWizard shows it: the step, the users checked, the
// products picked and the purchase chosen for each, what free seats allow, and the changes sent
// (./assignSend.ts).
import { useId, useMemo, useState } from 'react';
import type { OrgPurchaseRow, OrgUserRow } from '../../../../src-shared/domain/org.ts';
import { appNowIso } from '../../../app/clock.ts';
import { useOrg } from '../orgStore.ts';
import { defaultPurchase, expiryLabel, productGroups } from './assignPlan.ts';
import { sendAssignments, usersReached } from './assignSend.ts';
import { parseItemKey } from '../../../../src-shared/org/item-key.ts';
import type { SentChange } from '../changes/send.ts';
import { useReallocate } from './Reallocate.tsx';

export function useAssignWizard(users: OrgUserRow[], startChecked: boolean) {
  const purchases = useOrg((s) => s.purchases);
  const [step, setStep] = useState(0);
  const [checked, setChecked] = useState<ReadonlySet<string>>(
    () => new Set(startChecked ? users.map((u) => u.id) : []),
  );
  const [codes, setCodes] = useState<ReadonlySet<string>>(new Set());
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const reasonId = useId();
  const reallocate = useReallocate(users);
  const [sent, setSent] = useState<SentChange[] | null>(null);
  // The offer is taken once: seat counts move as soon as the change is queued.
  const [groups] = useState(() => productGroups(purchases, appNowIso()));
  const selected = users.filter((u) => checked.has(u.id));
  const pickedGroups = groups.filter((g) => codes.has(g.code));
  const byId = useMemo(() => new Map(purchases.map((p) => [p.id, p])), [purchases]);
  const planned = pickedGroups
    .map((g) => g.purchases.find((p) => p.id === chosen[g.code]))
    .filter((p): p is OrgPurchaseRow => !!p);

  const toggle = (code: string) => {
    const next = new Set(codes);
    if (!next.delete(code)) next.add(code);
    setCodes(next);
  };

  function toExpiry() {
    // Each newly chosen product starts on the purchase that has a seat for everyone, if any.
    const next: Record<string, string> = {};
    for (const g of pickedGroups)
      next[g.code] = chosen[g.code] ?? defaultPurchase(g, selected.length);
    setChosen(next);
    setStep(2);
  }

  async function assign() {
    setBusy(true);
    const changes = await sendAssignments(planned, selected);
    setBusy(false);
    setSent(changes);
    setStep(4);
  }

  const productOf = (f: { key: string }) => {
    const p = byId.get(parseItemKey(f.key).subject ?? '');
    return p ? `${p.productName} (${expiryLabel(p).toLowerCase()})` : '';
  };

  return {
    step,
    setStep,
    back: () => setStep(step - 1),
    checked,
    setChecked,
    codes,
    toggle,
    chosen,
    choose: (code: string, id: string) => setChosen({ ...chosen, [code]: id }),
    toExpiry,
    assign,
    busy,
    reasonId,
    reallocate,
    sent,
    groups,
    selected,
    pickedGroups,
    planned,
    productOf,
    // Only users a free seat reaches are sent (./assignSend.ts): the button counts them.
    reached: usersReached(planned, selected),
  };
}

export type AssignWizardState = ReturnType<typeof useAssignWizard>;
