// Bulk cloud credit access's state as CreditFlow shows it: the step, the users checked, the access
// chosen, and the one change for every user, followed until the cloud answers.
import { itemKey } from '../../../../src-shared/org/item-key.ts';
import { useState } from 'react';
import type { OrgUserRow } from '../../../../src-shared/domain/org.ts';
import { useCreditChoice } from '../CreditAccessForm.tsx';
import { send, type SentChange } from '../changes/send.ts';

export function useCreditFlow(users: OrgUserRow[], startChecked: boolean) {
  const [step, setStep] = useState(0);
  const [checked, setChecked] = useState<ReadonlySet<string>>(
    () => new Set(startChecked ? users.map((u) => u.id) : []),
  );
  const { access, setError, form } = useCreditChoice();
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState<SentChange[] | null>(null);
  const selected = users.filter((u) => checked.has(u.id));

  async function apply() {
    if (typeof access === 'string') return;
    setBusy(true);
    const change = await send(
      'org.setCreditAccess',
      { userIds: selected.map((u) => u.id), access },
      { keys: selected.map((u) => ({ key: itemKey(u.id), email: u.email })) },
    );
    setBusy(false);
    setSent([change]);
    setStep(3);
  }

  return {
    step,
    setStep,
    back: () => setStep(step - 1),
    checked,
    setChecked,
    access,
    form,
    /** On to the summary, or the access's error said under the form. */
    toSummary: () => (typeof access === 'string' ? setError(access) : setStep(2)),
    apply,
    busy,
    sent,
    selected,
  };
}

export type CreditFlowState = ReturnType<typeof useCreditFlow>;
