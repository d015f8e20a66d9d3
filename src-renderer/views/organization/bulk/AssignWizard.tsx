// The bulk assignment wizard (docs/sources.md, Portal guide §XIV–XVI): users → products →
// expiration date → summary → result, sent as org.assignMany changes (only what free seats allow:
// ./assignSend.ts) and followed until the cloud answers; who went without a seat can be given one
// from another user. Its state lives in useAssignWizard.
import type { OrgUserRow } from '../../../../src-shared/domain/org.ts';
import { Button } from '../../../components/Button.tsx';
import { UserPicker } from '../UserPicker.tsx';
import { AssignExpiry } from './AssignExpiry.tsx';
import { AssignProducts } from './AssignProducts.tsx';
import { AssignSummary } from './AssignSummary.tsx';
import { BulkResult } from './BulkResult.tsx';
import { plural } from '../../../format/plural.ts';
import { useAssignWizard, type AssignWizardState } from './useAssignWizard.ts';
import { WizardFrame } from './WizardFrame.tsx';

const STEPS = ['Users', 'Products', 'Expiration date', 'Summary', 'Result'];

interface Props {
  users: OrgUserRow[];
  startChecked: boolean;
  onClose: () => void;
}

export function AssignWizard({ users, startChecked, onClose }: Props) {
  const w = useAssignWizard(users, startChecked);
  const { step, selected } = w;
  return (
    <>
      <WizardFrame
        title="Assign products"
        steps={STEPS}
        current={step}
        onClose={onClose}
        next={<NextButton w={w} />}
        onBack={w.back}
      >
        {step === 0 && <UserPicker users={users} checked={w.checked} onChange={w.setChecked} />}
        {step === 1 && (
          <AssignProducts
            groups={w.groups}
            picked={w.codes}
            users={selected.length}
            onToggle={w.toggle}
          />
        )}
        {step === 2 && (
          <AssignExpiry
            groups={w.pickedGroups}
            chosen={w.chosen}
            users={selected}
            onChoose={w.choose}
          />
        )}
        {step === 3 && <AssignSummary purchases={w.planned} users={selected} />}
        {step === 4 && w.sent && (
          <BulkResult
            sent={w.sent}
            users={users}
            productOf={w.productOf}
            texts={{
              done: (n) => `${plural(n, 'assignment')} made.`,
              queued: (n) => `${plural(n, 'assignment')} queued.`,
              failed: (n) => `${plural(n, 'assignment')} could not be made`,
            }}
            actionOf={(f) => w.reallocate.actionOf(f, w.productOf(f))}
          />
        )}
      </WizardFrame>
      {w.reallocate.dialog}
    </>
  );
}

/** The primary button of the current step; the frame adds Cancel/Back and the last step's close. */
function NextButton({ w }: { w: AssignWizardState }) {
  const { step, selected, planned, reached, reasonId } = w;
  return (
    <>
      {step === 0 && (
        <Button variant="primary" disabled={selected.length === 0} onClick={() => w.setStep(1)}>
          Continue with {plural(selected.length, 'user')}
        </Button>
      )}
      {step === 1 && (
        <Button variant="primary" disabled={w.codes.size === 0} onClick={w.toExpiry}>
          Continue
        </Button>
      )}
      {step === 2 && (
        <Button
          variant="primary"
          disabled={planned.length < w.pickedGroups.length}
          onClick={() => w.setStep(3)}
        >
          Continue with {plural(planned.length, 'product')}
        </Button>
      )}
      {step === 3 && (
        <>
          {reached === 0 && (
            <span id={reasonId} className="wizard-reason">
              No seat is free for these users.
            </span>
          )}
          <Button
            variant="primary"
            busy={w.busy}
            disabled={reached === 0}
            aria-describedby={reached === 0 ? reasonId : undefined}
            onClick={() => void w.assign()}
          >
            Assign to {plural(reached, 'user')}
          </Button>
        </>
      )}
    </>
  );
}
