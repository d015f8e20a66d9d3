// The Password sub-tab: current, new and confirmed password, checked here, then sent to the cloud.
import { useState, type FormEvent } from 'react';
import { Banner } from '../../components/Banner.tsx';
import { Button } from '../../components/Button.tsx';
import { Field } from '../../components/Field.tsx';
import { useAccount } from '../../stores/account.ts';
import { useSession } from '../../stores/session.ts';
import {
  checkPasswordDraft,
  MIN_PASSWORD_LENGTH,
  type PasswordDraft,
  type PasswordProblems,
} from './passwordRules.ts';

const empty: PasswordDraft = { current: '', next: '', confirm: '' };

export function PasswordForm() {
  const [draft, setDraft] = useState<PasswordDraft>(empty);
  const [problems, setProblems] = useState<PasswordProblems>({});
  const [busy, setBusy] = useState(false);
  const email = useSession((s) => s.session?.account?.email ?? '');
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);

  function update(key: keyof PasswordDraft, value: string) {
    setDraft((d) => ({ ...d, [key]: value }));
    setProblems((p) => ({ ...p, [key]: undefined }));
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setOutcome(null);
    const found = checkPasswordDraft(draft);
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    const error = await useAccount.getState().changePassword(draft.current, draft.next);
    setBusy(false);
    if (error) {
      setOutcome({ ok: false, message: error });
    } else {
      setDraft(empty);
      setOutcome({ ok: true, message: 'Your password has been changed.' });
    }
  }

  return (
    <section className="card form-card" aria-labelledby="password-title">
      <h2 id="password-title" className="card-title">
        Change password
      </h2>
      <p className="card-note">
        This password signs you in to your Chaos account and to all products and services.
      </p>
      {outcome && <Banner tone={outcome.ok ? 'success' : 'error'}>{outcome.message}</Banner>}
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        {/* Lets password managers tie the new password to the right account. */}
        <input type="email" autoComplete="username" value={email} readOnly hidden />
        <Field
          label="Current password"
          type="password"
          autoComplete="current-password"
          value={draft.current}
          error={problems.current}
          onChange={(e) => update('current', e.target.value)}
        />
        <Field
          label="New password"
          type="password"
          autoComplete="new-password"
          value={draft.next}
          error={problems.next}
          hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
          onChange={(e) => update('next', e.target.value)}
        />
        <Field
          label="Confirm new password"
          type="password"
          autoComplete="new-password"
          value={draft.confirm}
          error={problems.confirm}
          onChange={(e) => update('confirm', e.target.value)}
        />
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={busy}>
            Change password
          </Button>
        </div>
      </form>
    </section>
  );
}
