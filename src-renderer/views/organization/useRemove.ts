// The remove dialog's state: the checked users, the counts its warnings name, and remove(), which
// sends the removal and moves on to the result step.
import { useState } from 'react';
import type { OrgUserRow } from '../../../src-shared/domain/org.ts';
import { send } from './changes/send.ts';
import { useOrgList } from './orgListStore.ts';
import type { SentRemoval } from './results/RemoveResult.tsx';

type Step = { kind: 'confirm' } | { kind: 'result'; sent: SentRemoval };

export function useRemove(users: OrgUserRow[], startChecked: boolean) {
  const [checked, setChecked] = useState<ReadonlySet<string>>(
    () => new Set(startChecked ? users.map((u) => u.id) : []),
  );
  const [step, setStep] = useState<Step>({ kind: 'confirm' });
  const [busy, setBusy] = useState(false);
  const chosen = users.filter((u) => checked.has(u.id));
  const withProducts = chosen.filter((u) => u.products.length > 0).length;
  const withBorrowed = chosen.filter((u) => u.products.some((p) => p.borrowed > 0)).length;
  // Nobody chosen can be removed while holding products (docs/sources.md, Portal guide §VII): no
  // doomed button.
  const doomed = chosen.length > 0 && withProducts === chosen.length;

  async function remove() {
    setBusy(true);
    const r = await send('org.removeUsers', { userIds: chosen.map((u) => u.id) });
    setBusy(false);
    const failed = r.failed;
    // Removed users leave the selection; failed ones stay checked to act on them next.
    const sel = useOrgList.getState();
    sel.setSelected(
      [...sel.selected].filter((id) => !checked.has(id) || failed.some((f) => f.key === id)),
    );
    setStep({
      kind: 'result',
      sent: {
        mutationId: r.mutationId,
        userIds: chosen.map((u) => u.id),
        failed,
        error: r.mutationId === null && failed.length === 0 ? r.message : null,
      },
    });
  }

  return { checked, setChecked, step, busy, chosen, withProducts, withBorrowed, doomed, remove };
}
