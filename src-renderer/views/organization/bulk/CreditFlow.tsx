// Bulk cloud credit access (docs/sources.md, Portal guide §XXVI): users → access → summary "Apply
// updates" → result, one change for every user, followed until the cloud answers. Its state lives
// in useCreditFlow.
import type { OrgUserRow } from '../../../../src-shared/domain/org.ts';
import { Button } from '../../../components/Button.tsx';
import { CreditAccessForm, describeAccess } from '../CreditAccessForm.tsx';
import { UserPicker } from '../UserPicker.tsx';
import { BulkResult } from './BulkResult.tsx';
import { plural } from '../../../format/plural.ts';
import { useCreditFlow, type CreditFlowState } from './useCreditFlow.ts';
import { WizardFrame } from './WizardFrame.tsx';

const STEPS = ['Users', 'Access', 'Summary', 'Result'];

interface Props {
  users: OrgUserRow[];
  startChecked: boolean;
  onClose: () => void;
}

export function CreditFlow({ users, startChecked, onClose }: Props) {
  const f = useCreditFlow(users, startChecked);
  const { step, selected, access } = f;
  return (
    <WizardFrame
      title="Update cloud credit access"
      steps={STEPS}
      current={step}
      onClose={onClose}
      next={<NextButton f={f} />}
      onBack={f.back}
    >
      {step === 0 && <UserPicker users={users} checked={f.checked} onChange={f.setChecked} />}
      {step === 1 && (
        <>
          <p>Cloud credit access for {plural(selected.length, 'user')}:</p>
          <CreditAccessForm {...f.form} />
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
      {step === 3 && f.sent && (
        <BulkResult
          sent={f.sent}
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

/** The primary button of the current step; the frame adds Cancel/Back and the last step's close. */
function NextButton({ f }: { f: CreditFlowState }) {
  const { step, selected } = f;
  return (
    <>
      {step === 0 && (
        <Button variant="primary" disabled={selected.length === 0} onClick={() => f.setStep(1)}>
          Continue with {plural(selected.length, 'user')}
        </Button>
      )}
      {step === 1 && (
        <Button variant="primary" onClick={f.toSummary}>
          Continue
        </Button>
      )}
      {step === 2 && (
        <Button variant="primary" busy={f.busy} onClick={() => void f.apply()}>
          Apply updates
        </Button>
      )}
    </>
  );
}
