// Full-screen notice when the headless server refuses the page: the login link's token is missing.
import { Icon } from '../components/Icon.tsx';
import { Brand } from './Brand.tsx';

export function RefusedScreen() {
  return (
    <div className="fullscreen-notice">
      <div className="notice-card" role="alert">
        <Brand tone="dark" />
        <span className="notice-icon">
          <Icon name="lock" size={28} />
        </span>
        <h1>
          This page needs the login link printed by <code>clm serve</code>
        </h1>
        <p>
          The License Manager only answers pages opened with its login link. Open the address that{' '}
          <code>clm serve</code> printed when it started (it ends in <code>?token=…</code>), or
          restart it to get a new one.
        </p>
        <pre className="notice-example">$ clm serve{'\n'}http://127.0.0.1:30304/?token=…</pre>
      </div>
    </div>
  );
}
