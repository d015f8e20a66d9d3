// The sign-in page: the form, the credential notice, and in the demo the list of demo accounts.
import { useState } from 'react';
import { Brand } from '../../app/Brand.tsx';
import { Banner } from '../../components/Banner.tsx';
import { CommandText } from '../../components/CommandText.tsx';
import { useSession } from '../../stores/session.ts';
import { SettingsView } from '../settings/SettingsView.tsx';
import { DemoAccounts } from './DemoAccounts.tsx';
import { SignInForm } from './SignInForm.tsx';

export const NO_KEYCHAIN_WORDS =
  'This computer has no keychain to keep your sign-in safe, so you will sign in again each time the app starts.';

export function SignInScreen() {
  const demoAccounts = useSession((s) => s.demoAccounts);
  const notice = useSession((s) => s.session?.credentialNotice);
  const storage = useSession((s) => s.session?.credentialStorage);
  const [filled, setFilled] = useState<{ email: string; password: string; n: number } | null>(null);

  return (
    <div className="signin-page">
      <div className={`signin-layout${demoAccounts.length > 0 ? ' signin-with-demo' : ''}`}>
        <section className="signin-card" aria-labelledby="signin-title">
          <Brand tone="dark" />
          <h1 id="signin-title">Sign in to your Chaos account</h1>
          <p className="signin-lead">
            See your licenses, manage your organization and keep working offline.
          </p>
          <SignInForm filled={filled} />
          {/* Behind a proxy the first sign-in needs Settings before it
              (docs/sources.md, Online licensing "Settings and proxy"). */}
          <details className="signin-details signin-settings">
            <summary>Connection settings (proxy, cloud URL)</summary>
            <SettingsView />
          </details>
          {notice && (
            <Banner tone="warning" title="About your sign-in">
              {storage === 'memory' ? (
                // Words for a desktop user (issue 18); the operator's flag stays in the details.
                <>
                  <p>{NO_KEYCHAIN_WORDS}</p>
                  <details className="signin-details">
                    <summary>For administrators</summary>
                    <CommandText text={notice} />
                  </details>
                </>
              ) : (
                <CommandText text={notice} />
              )}
            </Banner>
          )}
        </section>
        {demoAccounts.length > 0 && (
          <DemoAccounts
            accounts={demoAccounts}
            onPick={(a) =>
              setFilled((f) => ({ email: a.email, password: a.password, n: (f?.n ?? 0) + 1 }))
            }
          />
        )}
      </div>
    </div>
  );
}
