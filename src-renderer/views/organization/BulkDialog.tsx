// Bulk flows from the action bar (seed 000 §XIV, §XX, §XXVI): the editable selection, then the
// products or the access, a summary, and the result. Each change goes through the outbox.
import { useMemo, useState } from 'react';
import type { OrgPurchaseRow, OrgUserRow } from '../../../src-shared/domain/org.ts';
import { isLockedTerm } from '../../../src-shared/org/model.ts';
import { Banner } from '../../components/Banner.tsx';
import { Button } from '../../components/Button.tsx';
import { formatDate } from '../../format/time.ts';
import { useOrg, type Failure } from '../../stores/org.ts';
import { accessOf, CreditAccessForm, type CreditChoice } from './CreditAccessForm.tsx';
import { Dialog } from './Dialog.tsx';
import { UserPicker } from './UserPicker.tsx';

export type BulkKind = 'assign' | 'revoke' | 'credit';

const TITLES: Record<BulkKind, string> = {
  assign: 'Assign products',
  revoke: 'Revoke products',
  credit: 'Update cloud credit access',
};

type Step = 'users' | 'choose' | 'summary' | 'done';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function BulkDialog({
  kind,
  users,
  startChecked = true,
  onClose,
}: {
  kind: BulkKind;
  users: OrgUserRow[];
  /** From the Products tile the whole organization is listed unchecked. */
  startChecked?: boolean;
  onClose: () => void;
}) {
  const purchases = useOrg((s) => s.purchases);
  const [checked, setChecked] = useState<ReadonlySet<string>>(
    () => new Set(startChecked ? users.map((u) => u.id) : []),
  );
  const [step, setStep] = useState<Step>('users');
  const chosen = users.filter((u) => checked.has(u.id));
  // assign: purchase ids; revoke: product codes.
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const [choice, setChoice] = useState<CreditChoice>(20);
  const [custom, setCustom] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<Failure[]>([]);
  const [applied, setApplied] = useState(0);

  const now = new Date().toISOString();
  const assignable = purchases.filter(
    (p) => !isLockedTerm(p.term) && (p.expiresAt === null || p.expiresAt > now),
  );
  const termOf = useMemo(() => new Map(purchases.map((p) => [p.id, p.term])), [purchases]);
  const held = useMemo(() => {
    const m = new Map<string, { code: string; name: string; users: string[]; locked: boolean }>();
    for (const u of chosen)
      for (const p of u.products) {
        const e = m.get(p.productCode) ?? {
          code: p.productCode,
          name: p.productName,
          users: [],
          locked: false,
        };
        if (!e.users.includes(u.id)) e.users.push(u.id);
        if (isLockedTerm(termOf.get(p.purchaseId) ?? '')) e.locked = true;
        m.set(p.productCode, e);
      }
    return [...m.values()].sort((a, b) => a.name.localeCompare(b.name));
  }, [chosen, termOf]);
  const byId = new Map(users.map((u) => [u.id, u]));

  const togglePick = (id: string) => {
    const next = new Set(picked);
    if (!next.delete(id)) next.add(id);
    setPicked(next);
    setError(null);
  };

  async function apply() {
    setBusy(true);
    const change = useOrg.getState().change;
    const ids = chosen.map((u) => u.id);
    const out: Failure[] = [];
    let ok = 0;
    if (kind === 'credit') {
      const access = accessOf(choice, custom);
      if (typeof access !== 'string') {
        const r = await change('org.setCreditAccess', { userIds: ids, access });
        out.push(...r.failed);
        if (r.ok) ok += ids.length - r.failed.length;
        else if (!r.failed.length) out.push({ key: '', code: 'error', message: r.message });
      }
    } else if (kind === 'assign') {
      for (const purchaseId of picked) {
        const r = await change('org.assign', { userIds: ids, purchaseId });
        out.push(...r.failed);
        if (r.ok) ok += ids.length - r.failed.length;
        else if (!r.failed.length) out.push({ key: '', code: 'error', message: r.message });
      }
    } else {
      for (const code of picked) {
        const holders = held.find((h) => h.code === code)?.users ?? [];
        if (!holders.length) continue;
        const r = await change('org.revoke', { userIds: holders, productCode: code });
        out.push(...r.failed);
        if (r.ok) ok += holders.length - r.failed.length;
        else if (!r.failed.length) out.push({ key: '', code: 'error', message: r.message });
      }
    }
    setBusy(false);
    setFailed(out);
    setApplied(ok);
    setStep('done');
  }

  function next() {
    if (step === 'users') return setStep('choose');
    if (kind === 'credit') {
      const a = accessOf(choice, custom);
      if (typeof a === 'string') return setError(a);
    } else if (picked.size === 0) return setError('Choose at least one product');
    setStep('summary');
  }

  const accessLabel = (() => {
    const a = accessOf(choice, custom);
    if (typeof a === 'string') return '';
    return a.mode === 'limit'
      ? `a quota of ${a.limit} credits`
      : a.mode === 'disabled'
        ? 'Disabled'
        : 'Unlimited';
  })();
  const confirmLabel =
    kind === 'assign'
      ? `Assign to ${plural(chosen.length, 'user')}`
      : kind === 'revoke'
        ? `Revoke ${plural(picked.size, 'product')}`
        : 'Apply updates';

  const footer =
    step === 'done' ? (
      <Button variant="primary" onClick={onClose}>
        Go back to organization
      </Button>
    ) : (
      <>
        <Button
          variant="quiet"
          onClick={
            step === 'users' ? onClose : () => setStep(step === 'summary' ? 'choose' : 'users')
          }
        >
          {step === 'users' ? 'Cancel' : 'Back'}
        </Button>
        {step === 'summary' ? (
          <Button variant="primary" busy={busy} onClick={() => void apply()}>
            {confirmLabel}
          </Button>
        ) : (
          <Button variant="primary" disabled={chosen.length === 0} onClick={next}>
            {step === 'users'
              ? `Continue with ${plural(chosen.length, 'user')}`
              : kind === 'assign'
                ? `Continue with ${plural(picked.size, 'product')}`
                : 'Continue'}
          </Button>
        )}
      </>
    );

  return (
    <Dialog title={TITLES[kind]} onClose={onClose} wide footer={footer}>
      {step === 'users' && <UserPicker users={users} checked={checked} onChange={setChecked} />}

      {step === 'choose' && kind === 'credit' && (
        <>
          <p>Cloud credit access for {plural(chosen.length, 'user')}:</p>
          <CreditAccessForm
            choice={choice}
            custom={custom}
            onChoice={(c) => {
              setChoice(c);
              setError(null);
            }}
            onCustom={(v) => {
              setCustom(v);
              setError(null);
            }}
            error={error}
          />
        </>
      )}

      {step === 'choose' && kind === 'assign' && (
        <fieldset className="org-step">
          <legend>Products and expiration date (one seat per user)</legend>
          {assignable.map((p: OrgPurchaseRow) => {
            const free = p.quantity - p.assigned;
            return (
              <label key={p.id} className="org-radio">
                <input
                  type="checkbox"
                  checked={picked.has(p.id)}
                  onChange={() => togglePick(p.id)}
                />
                <span>
                  <strong>{p.productName}</strong>
                  <span className="org-radio-note">
                    {p.expiresAt ? `Expires ${formatDate(p.expiresAt)}` : 'No expiration date'} ·{' '}
                    {free} of {p.quantity} free
                    {free < chosen.length
                      ? ` — not enough for ${plural(chosen.length, 'user')}`
                      : ''}
                  </span>
                </span>
              </label>
            );
          })}
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
        </fieldset>
      )}

      {step === 'choose' && kind === 'revoke' && (
        <fieldset className="org-step">
          <legend>Products to revoke from the selected users</legend>
          {held.length === 0 && <p className="org-muted">These users have no products.</p>}
          {held.map((h) => (
            <label key={h.code} className="org-radio">
              <input
                type="checkbox"
                checked={picked.has(h.code)}
                disabled={h.locked}
                onChange={() => togglePick(h.code)}
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
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
        </fieldset>
      )}

      {step === 'summary' && (
        <div className="org-summary">
          <h3>Summary</h3>
          {kind === 'credit' && (
            <p>
              Set cloud credit access to <strong>{accessLabel}</strong> for{' '}
              <strong>{plural(chosen.length, 'user')}</strong>.
            </p>
          )}
          {kind === 'assign' && (
            <>
              <p>
                Assign one seat of each product to <strong>{plural(chosen.length, 'user')}</strong>:
              </p>
              <ul>
                {assignable
                  .filter((p) => picked.has(p.id))
                  .map((p) => (
                    <li key={p.id}>
                      {p.productName} (
                      {p.expiresAt ? `expires ${formatDate(p.expiresAt)}` : 'no expiration date'})
                    </li>
                  ))}
              </ul>
            </>
          )}
          {kind === 'revoke' && (
            <ul>
              {held
                .filter((h) => picked.has(h.code))
                .map((h) => (
                  <li key={h.code}>
                    {h.name} from {plural(h.users.length, 'user')}
                  </li>
                ))}
            </ul>
          )}
          <p className="org-muted">Each user is notified by email.</p>
        </div>
      )}

      {step === 'done' && (
        <>
          {applied > 0 && (
            <Banner tone="success" title="Changes queued">
              {kind === 'credit'
                ? `The cloud credit access of ${plural(applied, 'user')} has been updated.`
                : kind === 'assign'
                  ? `${plural(applied, 'assignment')} made.`
                  : `${plural(applied, 'license')} revoked.`}{' '}
              They show as Pending until the cloud confirms them.
            </Banner>
          )}
          {failed.length > 0 && (
            <Banner tone="error" title={`${plural(failed.length, 'change')} could not be made`}>
              <ul className="org-failed-list">
                {failed.map((f, i) => (
                  <li key={`${f.key}-${i}`}>
                    {f.email ?? byId.get(f.key)?.email ?? ''}
                    {f.email || byId.get(f.key) ? ': ' : ''}
                    {f.message}
                  </li>
                ))}
              </ul>
            </Banner>
          )}
        </>
      )}
    </Dialog>
  );
}
