// Organization (placeholder, administrators only): users, products and credits of the organization.
import { PageHeader } from '../../components/PageHeader.tsx';
import { Placeholder } from '../../components/Placeholder.tsx';
import { useSession } from '../../stores/session.ts';

export function OrganizationView() {
  const org = useSession((s) => s.session?.account?.organization ?? null);
  return (
    <>
      <PageHeader
        title="Organization"
        description={
          org
            ? `${org.name}: invite users to your organization and allocate or revoke licenses.`
            : 'Invite users to your organization and allocate or revoke licenses.'
        }
      />
      <Placeholder
        icon="organization"
        lead="This is where you will run your organization: its dashboard has three tiles, Users, Products and Credits, each with its own menu."
        sections={[
          {
            title: 'Users',
            text: 'Invite Members and Guests one by one or from a .csv file, follow pending invitations, search the user list, and remove users individually or in bulk.',
          },
          {
            title: 'Products',
            text: 'Allocate product licenses to users (choosing the expiration date when a product was bought more than once) and revoke them, individually, in bulk or via .csv.',
          },
          {
            title: 'Credits',
            text: "The cloud-credit pool's balance by expiration date, and each user's cloud-credit access: Disabled, 20, 50, 100, 1000, Unlimited or a custom amount.",
          },
        ]}
      />
    </>
  );
}
