// Products: for a member or guest the organization and its administrator, the products assigned
// to them (and a guest's personal ones), and their cloud credits; for an administrator or an
// account without organization, their own purchases and credits.
import type { LicenseView } from '../../../src-shared/domain/license.ts';
import type { MeOverview } from '../../../src-shared/domain/me.ts';
import { Banner } from '../../components/Banner.tsx';
import { Button } from '../../components/Button.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { href } from '../../app/route.ts';
import { useMe } from '../../stores/me.ts';
import { useSession } from '../../stores/session.ts';
import { LicenseTable } from '../licensing/LicenseTable.tsx';
import { AssignedProducts } from './AssignedProducts.tsx';
import { CreditsCard } from './CreditsCard.tsx';
import { OrganizationCard } from './OrganizationCard.tsx';
import { PortalTabs } from '../portal/PortalTabs.tsx';
import '../../styles/me.css';

function byProduct(a: LicenseView, b: LicenseView): number {
  return (
    a.productName.localeCompare(b.productName) ||
    (a.expiresAt ?? '9999').localeCompare(b.expiresAt ?? '9999')
  );
}

function description(o: MeOverview | null): string {
  const role = o?.organization?.role;
  if (role === 'member') return 'The products and cloud credits your organization gives you.';
  if (role === 'guest')
    return 'Products from your organization beside your personal ones, and your cloud credits.';
  if (role === 'administrator') return "Your organization's purchases and its cloud credit pool.";
  return 'Your purchases and your cloud credits.';
}

export function ProductsView() {
  const { status, overview, error } = useMe();
  const neverSynced = useSession((s) => s.session?.sync.lastSyncAt === null);
  return (
    <>
      <PageHeader title="Products" description={description(overview)} />
      <PortalTabs active="overview" />
      {status === 'error' ? (
        <Banner
          tone="error"
          title="Your products could not be loaded"
          action={
            <Button size="sm" onClick={() => void useMe.getState().load()}>
              Try again
            </Button>
          }
        >
          {error}
        </Banner>
      ) : !overview || (neverSynced && overview.products.length === 0) ? (
        <div className="me-layout">
          <LicenseTable caption="Loading products" rows={[]} loading />
        </div>
      ) : (
        <Overview overview={overview} />
      )}
    </>
  );
}

function Overview({ overview }: { overview: MeOverview }) {
  const org = overview.organization;
  const sorted = [...overview.products].sort(byProduct);
  const fromOrg = sorted.filter((l) => l.source === 'organization');
  const personal = sorted.filter((l) => l.source === 'personal');
  const user = org !== null && org.role !== 'administrator';

  return (
    <div className="me-layout">
      <div className="me-summary">
        {user && <OrganizationCard org={org} />}
        <CreditsCard overview={overview} />
      </div>
      {user ? (
        <>
          <AssignedProducts org={org} products={fromOrg} />
          {personal.length > 0 && (
            <LicenseTable
              caption={org.role === 'guest' ? 'Personal products' : 'Trials and betas'}
              rows={personal}
            />
          )}
        </>
      ) : sorted.length > 0 ? (
        <LicenseTable caption="Active products" rows={sorted} />
      ) : (
        <section className="card">
          <EmptyState icon="products" title="You have no products yet">
            Products you buy appear here with their seats and expiration dates.
          </EmptyState>
        </section>
      )}
      {org?.role === 'administrator' && (
        <p className="card-note">
          Assign seats of these products to your users in{' '}
          <a href={href('organization')}>Organization</a>.
        </p>
      )}
    </div>
  );
}
