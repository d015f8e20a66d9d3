// "Online licensing" in the License Server view: ENABLE with the signed-in user's own account
// (docs/sources.md, Online licensing "Online Activation"); the password goes to the cloud once and
// is not kept (docs/activation.md).
import { Banner } from '../../../components/Banner.tsx';
import { Button } from '../../../components/Button.tsx';
import { Field } from '../../../components/Field.tsx';
import { useSession } from '../../../stores/session.ts';
import { useEnableServer } from './useEnableServer.ts';

export function EnableServer({ account }: { account: string | null }) {
  const f = useEnableServer();
  const me = useSession((s) => s.session?.account?.email ?? '');
  return (
    <div className="seat-enable">
      <div className="seat-enable-head">
        <strong>Online licensing</strong>
        <span className="card-note">
          {!account
            ? 'Enable it with your account to serve your seats.'
            : account.toLowerCase() === me.toLowerCase()
              ? 'It serves your account. Enable it with another account to serve that one’s seats.'
              : 'Enable it with your own account to serve your seats instead.'}
        </span>
        {!f.open && (
          <Button size="sm" variant="primary" onClick={f.start}>
            Enable
          </Button>
        )}
      </div>
      {f.open && (
        <form className="form seat-enable-form" onSubmit={(e) => void f.submit(e)} noValidate>
          <Field
            label="Username (email)"
            type="email"
            autoComplete="username"
            value={f.email}
            onChange={(e) => f.setEmail(e.target.value)}
          />
          <Field
            label="Account password"
            type="password"
            autoComplete="current-password"
            value={f.password}
            onChange={(e) => f.setPassword(e.target.value)}
          />
          <div className="form-actions">
            <Button type="submit" variant="primary" busy={f.busy}>
              Enable this license server
            </Button>
            <Button type="button" variant="quiet" onClick={f.cancel}>
              Cancel
            </Button>
          </div>
        </form>
      )}
      {f.outcome && (
        <Banner
          tone={f.outcome.ok ? 'success' : 'error'}
          title={f.outcome.ok ? undefined : 'Not enabled'}
        >
          {f.outcome.message}
        </Banner>
      )}
    </div>
  );
}
