// Products (placeholder): subscriptions, expired products, cloud credits and downloads.
import { PageHeader } from '../../components/PageHeader.tsx';
import { Placeholder } from '../../components/Placeholder.tsx';
import { Banner } from '../../components/Banner.tsx';
import { useSession } from '../../stores/session.ts';

export function ProductsView() {
  const org = useSession((s) => s.session?.account?.organization ?? null);
  return (
    <>
      <PageHeader
        title="Products"
        description="View and manage your subscriptions, expired products, cloud credits, and downloads."
      />
      {org?.role === 'member' && (
        <Banner tone="info" title={`Your products come from ${org.name}`}>
          Members use the licenses and cloud credits their administrator allocates. To get more, ask{' '}
          {org.administratorName} ({org.administratorEmail}).
        </Banner>
      )}
      <Placeholder
        icon="products"
        lead="This is where your subscriptions will be managed."
        sections={[
          {
            title: 'Active Products',
            text: 'Your active subscriptions with seats, activation and expiration dates; enable or disable auto-renewal, add seats (priced for the days left until renewal) and upgrade.',
          },
          {
            title: 'Expired Products',
            text: 'Subscriptions that have ended, filtered by product family and expiration date, each with Buy Again.',
          },
          {
            title: 'Cloud Credits',
            text: 'Your available cloud credits, by expiration date, and Start rendering on Chaos Cloud.',
          },
          {
            title: 'Downloads',
            text: 'The installers for the products of your active subscriptions.',
          },
        ]}
      />
    </>
  );
}
