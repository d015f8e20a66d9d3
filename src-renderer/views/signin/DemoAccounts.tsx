// The demo's accounts beside the sign-in form; picking one fills the form with its credentials.
// Compact, so all of them show at once without a hidden scroll (issue 18).
import type { DemoAccount } from '../../../src-shared/domain/account.ts';

interface DemoAccountsProps {
  accounts: DemoAccount[];
  onPick: (account: DemoAccount) => void;
}

export function DemoAccounts({ accounts, onPick }: DemoAccountsProps) {
  const passwords = new Set(accounts.map((a) => a.password));
  const shared = passwords.size === 1 ? accounts[0]?.password : undefined;
  return (
    <section className="demo-panel" aria-labelledby="demo-title">
      <h2 id="demo-title">Demo accounts</h2>
      <p className="demo-lead">
        This app runs on a demo cloud with sample data. Pick one of its {accounts.length} accounts
        to fill in the form
        {shared ? (
          <>
            {' '}
            — each uses the password <span className="mono">{shared}</span>.
          </>
        ) : (
          '.'
        )}
      </p>
      <ul className="demo-list">
        {accounts.map((a) => (
          <li key={a.email}>
            <button type="button" className="demo-account" onClick={() => onPick(a)}>
              <span className="demo-account-head">
                <span className="demo-name">{a.name}</span>
                <span className="mono demo-email">{a.email}</span>
              </span>
              <span className="demo-description">{a.description}</span>
              {!shared && (
                <span className="demo-password">
                  password <span className="mono">{a.password}</span>
                </span>
              )}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
