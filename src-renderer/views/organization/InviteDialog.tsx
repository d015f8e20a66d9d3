// Invite users individually (docs/sources.md, Portal guide §IV): email, role, Send Invite; the
// cloud's refusal inline.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { MemberRole } from '../../../src-shared/org/model.ts';
import { Banner } from '../../components/Banner.tsx';
import { Button } from '../../components/Button.tsx';
import { Field } from '../../components/Field.tsx';
import { request } from '../../bridge/index.ts';
import { useOrg } from './orgStore.ts';
import { send } from './changes/send.ts';
import { useSession } from '../../stores/session.ts';
import { BulkInvite } from './BulkInvite.tsx';
import { Dialog } from './Dialog.tsx';
import { emailProblem } from './formChecks.ts';

type Sent = { email: string; mutationId: number };

export function InviteDialog({ onClose }: { onClose: () => void }) {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<MemberRole>('member');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState<Sent | null>(null);
  const [tab, setTab] = useState<'individual' | 'bulk'>('individual');
  const roleName = useId();

  // After queueing, the cloud decides: a refusal comes back as a failed change of our mutation.
  const refused = useSession((s) =>
    sent ? (s.session?.sync.failed.find((f) => f.id === String(sent.mutationId)) ?? null) : null,
  );
  const online = useSession((s) => s.session?.sync.online ?? false);
  const confirmed = useOrg((s) =>
    sent
      ? s.invitations.some((i) => i.email === sent.email && !i.pending) &&
        !s.invitations.some((i) => i.email === sent.email && i.pending)
      : false,
  );
  const shown = useRef(new Set<number>());
  useEffect(() => {
    if (!refused) return;
    setError(refused.message);
    shown.current.add(Number(refused.id));
  }, [refused]);

  const close = () => {
    // Refusals read here need not stay in the status bar's failed changes too.
    const ids = [...shown.current];
    if (ids.length) void request('sync.dismissFailed', { ids }).catch(() => {});
    onClose();
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    const address = email.trim();
    setSent(null);
    // Checked here, beside the field, before anything is sent (issue 18: no schema text).
    const wrong = emailProblem(address);
    if (wrong) return setError(wrong);
    setError(null);
    setBusy(true);
    const r = await send('org.invite', {
      invitations: [{ email: address, role }],
    });
    setBusy(false);
    if (r.mutationId === null) return setError(r.message);
    if (r.failed.length) return setError(r.failed[0]?.message ?? 'The invitation was not sent');
    setSent({ email: address.toLowerCase(), mutationId: r.mutationId });
  }

  const state = refused ? 'refused' : confirmed ? 'sent' : sent ? 'queued' : 'idle';

  return (
    <Dialog
      title="Invite users"
      onClose={close}
      wide={tab === 'bulk'}
      footer={
        tab === 'bulk' ? undefined : (
          <>
            <Button variant="quiet" onClick={close}>
              {state === 'sent' ? 'Done' : 'Cancel'}
            </Button>
            <Button variant="primary" type="submit" form="org-invite-form" busy={busy}>
              Send Invite
            </Button>
          </>
        )
      }
    >
      <InviteTabs tab={tab} onTab={setTab} />
      {tab === 'bulk' ? (
        <BulkInvite onDone={close} />
      ) : (
        <>
          <p className="org-dialog-lead">
            Only people with a registered Chaos account can be added. They join once they accept the
            invitation.
          </p>
          <form id="org-invite-form" className="form" onSubmit={(e) => void submit(e)} noValidate>
            <Field
              label="Email"
              type="email"
              autoComplete="off"
              required
              value={email}
              onChange={(e) => {
                setEmail(e.target.value);
                setError(null);
                setSent(null);
              }}
              error={error}
              autoFocus
            />
            <fieldset className="org-radios">
              <legend>Role</legend>
              {(['member', 'guest'] as const).map((r) => (
                <label key={r} className="org-radio">
                  <input
                    type="radio"
                    name={roleName}
                    value={r}
                    checked={role === r}
                    onChange={() => setRole(r)}
                  />
                  <span>
                    <strong>{r === 'member' ? 'Member' : 'Guest'}</strong>
                    <span className="org-radio-note">
                      {r === 'member'
                        ? 'Uses only what the organization assigns; cannot buy with this email.'
                        : 'Keeps personal licenses and purchases alongside the organization’s.'}
                    </span>
                  </span>
                </label>
              ))}
            </fieldset>
          </form>
          {state === 'queued' && sent && (
            <Banner tone="info" title="Invitation queued">
              {online
                ? `Sending the invitation to ${sent.email}…`
                : `You are offline: the invitation to ${sent.email} will be sent when the cloud is reachable.`}
            </Banner>
          )}
          {state === 'sent' && sent && (
            <Banner tone="success" title="Invitation sent">
              {sent.email} received an invitation to join as{' '}
              {role === 'member' ? 'Member' : 'Guest'}.
            </Banner>
          )}
        </>
      )}
    </Dialog>
  );
}

/** Individual | Bulk, as tabs: arrows move between them (WAI-ARIA tabs pattern). */
function InviteTabs({
  tab,
  onTab,
}: {
  tab: 'individual' | 'bulk';
  onTab: (t: 'individual' | 'bulk') => void;
}) {
  const tabs = ['individual', 'bulk'] as const;
  return (
    <div
      className="org-tabs"
      role="tablist"
      aria-label="How to invite"
      onKeyDown={(e) => {
        if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
        const next = tab === 'individual' ? 'bulk' : 'individual';
        onTab(next);
        e.currentTarget.querySelector<HTMLElement>(`[data-tab="${next}"]`)?.focus();
      }}
    >
      {tabs.map((t) => (
        <button
          key={t}
          type="button"
          role="tab"
          data-tab={t}
          className="org-tab"
          aria-selected={tab === t}
          tabIndex={tab === t ? 0 : -1}
          onClick={() => onTab(t)}
        >
          {t === 'individual' ? 'Individual' : 'Bulk'}
        </button>
      ))}
    </div>
  );
}
