// Bulk cloud credit access (docs/sources.md, Portal guide §XXVI): users → access → summary "Apply
// updates" → result, one change for every user, followed until the cloud answers.
import { itemKey } from '../../../../src-shared/org/item-key.ts';
import { useState } from 'react';
import type { OrgUserRow } from '../../../../src-shared/domain/org.ts';
import { Button } from '../../../components/Button.tsx';
import { CreditAccessForm, describeAccess, useCreditChoice } from '../CreditAccessForm.tsx';
import { UserPicker } from '../UserPicker.tsx';
import { BulkResult } from './BulkResult.tsx';
import { plural } from '../../../format/plural.ts';
import { send, type SentChange } from '../changes/send.ts';
import { WizardFrame } from './WizardFrame.tsx';

const STEPS = ['Users', 'Access', 'Summary', 'Result'];

interface Props {
  users: OrgUserRow[];
  startChecked: boolean;
  onClose: () => void;
}

export function CreditFlow({ users, startChecked, onClose }: Props) {
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

  // The primary button of the current step; the frame adds Cancel/Back and the last step's close.
  const next = (
    <>
      {step === 0 && (
        <Button variant="primary" disabled={selected.length === 0} onClick={() => setStep(1)}>
          Continue with {plural(selected.length, 'user')}
        </Button>
      )}
      {step === 1 && (
        <Button
          variant="primary"
          onClick={() => (typeof access === 'string' ? setError(access) : setStep(2))}
        >
          Continue
        </Button>
      )}
      {step === 2 && (
        <Button variant="primary" busy={busy} onClick={() => void apply()}>
          Apply updates
        </Button>
      )}
    </>
  );

  return (
    <WizardFrame
      title="Update cloud credit access"
      steps={STEPS}
      current={step}
      onClose={onClose}
      next={next}
      onBack={() => setStep(step - 1)}
    >
      {step === 0 && <UserPicker users={users} checked={checked} onChange={setChecked} />}
      {step === 1 && (
        <>
          <p>Cloud credit access for {plural(selected.length, 'user')}:</p>
          <CreditAccessForm {...form} />
        </>
      )}
      {step === 2 && typeof access !== 'string' && (
        <div className="org-summary">
          <p>
            Set cloud credit access to <strong>{describeAccess(access)}</strong> for{' '}
            <strong>{plural(selected.length, 'user')}</strong>.
          </p>
          <p className="org-muted">{selected.map((u) => u.email).join(', ')}</p>
          <p className="org-muted">Each user is notified by email.</p>
        </div>
      )}
      {step === 3 && sent && (
        <BulkResult
          sent={sent}
          users={users}
          texts={{
            done: (n) => `The cloud credit access of ${plural(n, 'user')} has been updated.`,
            queued: (n) => `The cloud credit access of ${plural(n, 'user')} is queued.`,
            failed: (n) => `${plural(n, 'user')} could not be updated`,
          }}
        />
      )}
    </WizardFrame>
  );
}
