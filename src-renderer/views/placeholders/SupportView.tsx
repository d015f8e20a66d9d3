// Support (placeholder for the Help Center link): how to reach support, with what they will ask for.
import { CopyButton } from '../../components/CopyButton.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Placeholder } from '../../components/Placeholder.tsx';
import { useSession } from '../../stores/session.ts';

export function SupportView() {
  const account = useSession((s) => s.session?.account ?? null);
  return (
    <>
      <PageHeader
        title="Support"
        description="Get in touch with the Chaos support team about anything you need."
      />
      <Placeholder
        icon="support"
        lead="This is where the Chaos Help Center will open, to search answers and contact the support team."
        sections={[
          {
            title: 'Change the email of your account',
            text: 'The email address of an account is changed by the support team: contact them from the Help Center and give your customer number.',
          },
          {
            title: 'Questions about products and licenses',
            text: 'Ask the support team anything that helps you understand your products.',
          },
        ]}
      >
        {account && (
          <div className="support-details">
            <h3>Give these details when you contact support</h3>
            <dl className="details">
              <div>
                <dt>Account email</dt>
                <dd>{account.email}</dd>
              </div>
              <div>
                <dt>Customer number</dt>
                <dd className="details-inline">
                  <span className="support-number">{account.customerNumber}</span>
                  <CopyButton value={account.customerNumber} label="Copy customer number" />
                </dd>
              </div>
            </dl>
          </div>
        )}
      </Placeholder>
    </>
  );
}
