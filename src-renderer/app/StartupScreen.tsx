// Shown until the core answers the first session call, or when it cannot be reached at all.
import { Button } from '../components/Button.tsx';
import { Spinner } from '../components/Spinner.tsx';
import { useSession } from '../stores/session.ts';
import { Brand } from './Brand.tsx';

export function StartupScreen() {
  const loadError = useSession((s) => s.loadError);
  return (
    <div className="fullscreen-notice">
      <div className="notice-card">
        <Brand tone="dark" />
        {loadError ? (
          <>
            <h1>The License Manager did not answer</h1>
            <p role="alert">{loadError}</p>
            <Button variant="primary" onClick={() => void useSession.getState().load()}>
              Try again
            </Button>
          </>
        ) : (
          <p className="startup-loading">
            <Spinner label="Starting" size={18} /> Opening your account…
          </p>
        )}
      </div>
    </div>
  );
}
