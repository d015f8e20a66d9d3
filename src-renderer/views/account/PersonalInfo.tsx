// Name, country, email (changed through support), customer number with Copy, and the organization.
import { href } from '../../app/route.ts';
import { Banner } from '../../components/Banner.tsx';
import { CopyButton } from '../../components/CopyButton.tsx';
import { Skeleton } from '../../components/Skeleton.tsx';
import { roleLabel } from '../../format/account.ts';
import { useAccount } from '../../stores/account.ts';
import { useSession } from '../../stores/session.ts';
import { ProfileEditor } from './ProfileEditor.tsx';

export function PersonalInfo() {
  const fromReplica = useAccount((s) => s.account);
  const error = useAccount((s) => s.error);
  const fromSession = useSession((s) => s.session?.account ?? null);
  // The session already carries the account, so the view fills at once; the replica refreshes it.
  const account = fromReplica ?? fromSession;

  if (!account) {
    return error ? (
      <Banner tone="error" title="Your account could not be loaded">
        {error}
      </Banner>
    ) : (
      <section className="card">
        <Skeleton width="40%" height={16} />
      </section>
    );
  }
  const org = account.organization;

  return (
    <div className="account-grid">
      <section className="card" aria-labelledby="personal-title">
        <h2 id="personal-title" className="card-title">
          Personal information
        </h2>
        <dl className="details">
          <div>
            <dt>Name</dt>
            <dd>{account.name}</dd>
          </div>
          <div>
            <dt>Country</dt>
            <dd>{account.country}</dd>
          </div>
          <div>
            <dt>Email</dt>
            <dd>
              <span>{account.email}</span>
              <span className="dd-note">
                To change your email, <a href={href('support')}>contact support</a>.
              </span>
            </dd>
          </div>
        </dl>
        <ProfileEditor name={account.name} country={account.country} />
      </section>

      <section className="card" aria-labelledby="customer-title">
        <h2 id="customer-title" className="card-title">
          Customer number
        </h2>
        <div className="customer-number">
          <span className="customer-number-value" data-testid="customer-number">
            {account.customerNumber}
          </span>
          <CopyButton value={account.customerNumber} label="Copy customer number" />
        </div>
        <p className="card-note">
          Give this number to Chaos support, or to set up your company account as an organization.
        </p>
      </section>

      {org && (
        <section className="card" aria-labelledby="org-title">
          <h2 id="org-title" className="card-title">
            Organization
          </h2>
          <dl className="details">
            <div>
              <dt>Organization</dt>
              <dd>{org.name}</dd>
            </div>
            <div>
              <dt>Your role</dt>
              <dd>{roleLabel[org.role]}</dd>
            </div>
            {org.role !== 'administrator' && (
              <div>
                <dt>Administrator</dt>
                <dd>
                  {org.administratorName}
                  <span className="dd-note">{org.administratorEmail}</span>
                </dd>
              </div>
            )}
          </dl>
        </section>
      )}
    </div>
  );
}
