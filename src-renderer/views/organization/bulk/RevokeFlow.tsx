// Bulk revoke (docs/sources.md, Portal guide §XX–XXII): users → the products they hold → summary
// "Revoke X products" → result. Identical products go together, so one change per product, each
// followed.
import { useState } from 'react';
import type { OrgPurchaseRow, OrgUserRow } from '../../../../src-shared/domain/org.ts';
import { itemKey } from '../../../../src-shared/org/item-key.ts';
import { isLockedTerm } from '../../../../src-shared/org/model.ts';
import { Button } from '../../../components/Button.tsx';
import { useOrg } from '../orgStore.ts';
import { UserPicker } from '../UserPicker.tsx';
import { BulkResult } from './BulkResult.tsx';
import { plural } from '../../../format/plural.ts';
import { send, type SentChange } from '../changes/send.ts';
import { WizardFrame } from './WizardFrame.tsx';

const STEPS = ['Users', 'Products', 'Summary', 'Result'];

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

interface Props {
  users: OrgUserRow[];
  startChecked: boolean;
  onClose: () => void;
}

export function RevokeFlow({ users, startChecked, onClose }: Props) {
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

  // The primary button of the current step; the frame adds Cancel/Back and the last step's close.
  const next = (
    <>
      {step === 0 && (
        <Button
          variant="primary"
          disabled={selected.length === 0}
          onClick={() => {
            setHeld(heldBy(selected, purchases));
            setStep(1);
          }}
        >
          Continue with {plural(selected.length, 'user')}
        </Button>
      )}
      {step === 1 && (
        <Button variant="primary" disabled={chosen.length === 0} onClick={() => setStep(2)}>
          Continue
        </Button>
      )}
      {step === 2 && (
        <Button variant="primary" busy={busy} onClick={() => void revoke()}>
          Revoke {plural(chosen.length, 'product')}
        </Button>
      )}
    </>
  );

  return (
    <WizardFrame
      title="Revoke products"
      steps={STEPS}
      current={step}
      onClose={onClose}
      next={next}
      onBack={() => setStep(step - 1)}
    >
      {step === 0 && <UserPicker users={users} checked={checked} onChange={setChecked} />}
      {step === 1 && (
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
                  onChange={() => toggle(h.code)}
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
      )}
      {step === 2 && (
        <div className="org-summary">
          <p>Revoke from the selected users:</p>
          <ul>
            {chosen.map((h) => (
              <li key={h.code}>
                {h.name} from {plural(h.users.length, 'user')}
              </li>
            ))}
          </ul>
          <p className="org-muted">Each user is notified by email.</p>
        </div>
      )}
      {step === 3 && sent && (
        <BulkResult
          sent={sent}
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
