// The bulk assignment wizard (docs/sources.md, Portal guide §XIV–XVI): users → products →
// expiration date → summary → result, sent as org.assignMany changes (only what free seats allow:
// ./assignSend.ts) and followed until the cloud answers; who went without a seat can be given one
// from another user.
import { useId, useMemo, useState } from 'react';
import type { OrgPurchaseRow, OrgUserRow } from '../../../../src-shared/domain/org.ts';
import { Button } from '../../../components/Button.tsx';
import { appNowIso } from '../../../app/clock.ts';
import { useOrg } from '../orgStore.ts';
import { UserPicker } from '../UserPicker.tsx';
import { AssignExpiry } from './AssignExpiry.tsx';
import { AssignProducts } from './AssignProducts.tsx';
import { AssignSummary } from './AssignSummary.tsx';
import { defaultPurchase, expiryLabel, productGroups } from './assignPlan.ts';
import { BulkResult } from './BulkResult.tsx';
import { sendAssignments, usersReached } from './assignSend.ts';
import { plural } from '../../../format/plural.ts';
import { parseItemKey } from '../../../../src-shared/org/item-key.ts';
import type { SentChange } from '../changes/send.ts';
import { useReallocate } from './Reallocate.tsx';
import { WizardFrame } from './WizardFrame.tsx';

const STEPS = ['Users', 'Products', 'Expiration date', 'Summary', 'Result'];

interface Props {
  users: OrgUserRow[];
  startChecked: boolean;
  onClose: () => void;
}

export function AssignWizard({ users, startChecked, onClose }: Props) {
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

  const back = () => setStep(step - 1);
  // Only users a free seat reaches are sent (./assignSend.ts): the button counts them.
  const reached = usersReached(planned, selected);
  // The primary button of the current step; the frame adds Cancel/Back and the last step's close.
  const next = (
    <>
      {step === 0 && (
        <Button variant="primary" disabled={selected.length === 0} onClick={() => setStep(1)}>
          Continue with {plural(selected.length, 'user')}
        </Button>
      )}
      {step === 1 && (
        <Button variant="primary" disabled={codes.size === 0} onClick={toExpiry}>
          Continue
        </Button>
      )}
      {step === 2 && (
        <Button
          variant="primary"
          disabled={planned.length < pickedGroups.length}
          onClick={() => setStep(3)}
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
            busy={busy}
            disabled={reached === 0}
            aria-describedby={reached === 0 ? reasonId : undefined}
            onClick={() => void assign()}
          >
            Assign to {plural(reached, 'user')}
          </Button>
        </>
      )}
    </>
  );

  return (
    <>
      <WizardFrame
        title="Assign products"
        steps={STEPS}
        current={step}
        onClose={onClose}
        next={next}
        onBack={back}
      >
        {step === 0 && <UserPicker users={users} checked={checked} onChange={setChecked} />}
        {step === 1 && (
          <AssignProducts
            groups={groups}
            picked={codes}
            users={selected.length}
            onToggle={toggle}
          />
        )}
        {step === 2 && (
          <AssignExpiry
            groups={pickedGroups}
            chosen={chosen}
            users={selected}
            onChoose={(code, id) => setChosen({ ...chosen, [code]: id })}
          />
        )}
        {step === 3 && <AssignSummary purchases={planned} users={selected} />}
        {step === 4 && sent && (
          <BulkResult
            sent={sent}
            users={users}
            productOf={productOf}
            texts={{
              done: (n) => `${plural(n, 'assignment')} made.`,
              queued: (n) => `${plural(n, 'assignment')} queued.`,
              failed: (n) => `${plural(n, 'assignment')} could not be made`,
            }}
            actionOf={(f) => reallocate.actionOf(f, productOf(f))}
          />
        )}
      </WizardFrame>
      {reallocate.dialog}
    </>
  );
}
