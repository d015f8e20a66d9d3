// Invite users individually (docs/sources.md, Portal guide §IV): email, role, Send Invite; the
// cloud's refusal inline. Its state lives in useInvite.
import { Banner } from '../../components/Banner.tsx';
import { Button } from '../../components/Button.tsx';
import { Field } from '../../components/Field.tsx';
import { BulkInvite } from './BulkInvite.tsx';
import { Dialog } from './Dialog.tsx';
import { useInvite, type InviteState } from './useInvite.ts';

export function InviteDialog({ onClose }: { onClose: () => void }) {
  const v = useInvite(onClose);
  const { tab, state, busy, close, setTab } = v;

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
      {tab === 'bulk' ? <BulkInvite onDone={close} /> : <InviteForm v={v} />}
    </Dialog>
  );
}

/** Invite one address: the form, then where the invitation stands. */
function InviteForm({ v }: { v: InviteState }) {
  const { email, role, error, sent, roleName, online, state, setRole, editEmail } = v;
  return (
    <>
      <p className="org-dialog-lead">
        Only people with a registered Chaos account can be added. They join once they accept the
        invitation.
      </p>
      <form id="org-invite-form" className="form" onSubmit={(e) => void v.submit(e)} noValidate>
        <Field
          label="Email"
          type="email"
          autoComplete="off"
          required
          value={email}
          onChange={(e) => editEmail(e.target.value)}
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
          {sent.email} received an invitation to join as {role === 'member' ? 'Member' : 'Guest'}.
        </Banner>
      )}
    </>
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
