// Support (docs/sources.md, Navigation "Support"): the Help Center and how to reach the support
// team, with the details they will ask for (email changes go through support, docs/requirements.md §2).
import { CopyButton } from '../../components/CopyButton.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useSession } from '../../stores/session.ts';
import { support } from './links.ts';
import { ResourceList } from './ResourceList.tsx';
import '../../styles/portal.css';

export function SupportView() {
  const account = useSession((s) => s.session?.account ?? null);
  return (
    <>
      <PageHeader
        title="Support"
        description="The Chaos Help Center and the support team: questions about products, licenses, invoices, and changing your account's email."
      />
      <div className="portal-stack">
        <ResourceList title="Get help" items={support} />
        {account && (
          <section className="card" aria-label="Your details for support">
            <h2 className="card-title">Give these details when you contact support</h2>
            <dl className="details">
              <div>
                <dt>Account email</dt>
                <dd>{account.email}</dd>
              </div>
              <div>
                <dt>Customer number</dt>
                <dd className="details-inline">
                  <span>{account.customerNumber}</span>
                  <CopyButton value={account.customerNumber} label="Copy customer number" />
                </dd>
              </div>
            </dl>
            <p className="card-note">
              To change your email, submit a request with your customer number: the support team
              changes it for you.
            </p>
          </section>
        )}
      </div>
    </>
  );
}
