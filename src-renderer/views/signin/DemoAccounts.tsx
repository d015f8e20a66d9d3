// The demo's accounts beside the sign-in form; picking one fills the form with its credentials.
import type { DemoAccount } from '../../../src-shared/domain/account.ts';

interface DemoAccountsProps {
  accounts: DemoAccount[];
  onPick: (account: DemoAccount) => void;
}

export function DemoAccounts({ accounts, onPick }: DemoAccountsProps) {
  return (
    <section className="demo-panel" aria-labelledby="demo-title">
      <h2 id="demo-title">Demo accounts</h2>
      <p className="demo-lead">
        This app runs on a demo cloud with sample data. Pick one of its {accounts.length} accounts
        to fill in the form.
      </p>
      <ul className="demo-list">
        {accounts.map((a) => (
          <li key={a.email}>
            <button type="button" className="demo-account" onClick={() => onPick(a)}>
              <span className="demo-account-head">
                <span className="demo-name">{a.name}</span>
                <span className="demo-description">{a.description}</span>
              </span>
              <span className="demo-credentials">
                <span className="mono">{a.email}</span>
                <span className="demo-password">
                  password <span className="mono">{a.password}</span>
                </span>
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
