// Bulk revoke (docs/sources.md, Portal guide §XX–XXII): users → the products they hold → summary
// "Revoke X products" → result. Identical products go together, so one change per product, each
// followed. Its state lives in useRevokeFlow.
import type { OrgUserRow } from '../../../../src-shared/domain/org.ts';
import { Button } from '../../../components/Button.tsx';
import { UserPicker } from '../UserPicker.tsx';
import { BulkResult } from './BulkResult.tsx';
import { plural } from '../../../format/plural.ts';
import { useRevokeFlow, type RevokeFlowState } from './useRevokeFlow.ts';
import { WizardFrame } from './WizardFrame.tsx';

const STEPS = ['Users', 'Products', 'Summary', 'Result'];

interface Props {
  users: OrgUserRow[];
  startChecked: boolean;
  onClose: () => void;
}

export function RevokeFlow({ users, startChecked, onClose }: Props) {
  const f = useRevokeFlow(users, startChecked);
  const { step } = f;
  return (
    <WizardFrame
      title="Revoke products"
      steps={STEPS}
      current={step}
      onClose={onClose}
      next={<NextButton f={f} />}
      onBack={f.back}
    >
      {step === 0 && <UserPicker users={users} checked={f.checked} onChange={f.setChecked} />}
      {step === 1 && <RevokeProducts f={f} />}
      {step === 2 && (
        <div className="org-summary">
          <p>Revoke from the selected users:</p>
          <ul>
            {f.chosen.map((h) => (
              <li key={h.code}>
                {h.name} from {plural(h.users.length, 'user')}
              </li>
            ))}
          </ul>
          <p className="org-muted">Each user is notified by email.</p>
        </div>
      )}
      {step === 3 && f.sent && (
        <BulkResult
          sent={f.sent}
          users={users}
          productOf={(_f, c) => c.label ?? ''}
          texts={{
            done: (n) => `${plural(n, 'license')} revoked.`,
            queued: (n) => `${plural(n, 'revoke')} queued.`,
            failed: (n) => `${plural(n, 'license')} could not be revoked`,
          }}
        />
      )}
    </WizardFrame>
  );
}

/** The primary button of the current step; the frame adds Cancel/Back and the last step's close. */
function NextButton({ f }: { f: RevokeFlowState }) {
  const { step, selected, chosen } = f;
  return (
    <>
      {step === 0 && (
        <Button variant="primary" disabled={selected.length === 0} onClick={f.toProducts}>
          Continue with {plural(selected.length, 'user')}
        </Button>
      )}
      {step === 1 && (
        <Button variant="primary" disabled={chosen.length === 0} onClick={() => f.setStep(2)}>
          Continue
        </Button>
      )}
      {step === 2 && (
        <Button variant="primary" busy={f.busy} onClick={() => void f.revoke()}>
          Revoke {plural(chosen.length, 'product')}
        </Button>
      )}
    </>
  );
}

/** The products the selected users hold, to pick those to revoke; trial/beta ones cannot be. */
function RevokeProducts({ f }: { f: RevokeFlowState }) {
  const { held, picked } = f;
  return (
    <fieldset className="org-step">
      <legend>Products to revoke from the selected users</legend>
      {held.length === 0 && <p className="org-muted">These users have no products.</p>}
      <div className="bulk-choices">
        {held.map((h) => (
          <label key={h.code} className={`org-radio${h.locked ? ' bulk-choice-off' : ''}`}>
            <input
              type="checkbox"
              className="org-check"
              checked={picked.has(h.code)}
              disabled={h.locked}
              onChange={() => f.toggle(h.code)}
            />
            <span>
              <strong>{h.name}</strong>
              <span className="org-radio-note">
                {h.locked
                  ? 'Trial/beta licenses cannot be revoked'
                  : `Held by ${plural(h.users.length, 'selected user')}`}
              </span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
