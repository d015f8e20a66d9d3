// Picks the view for the current route; Organization only for the organization's administrator.
import { useSession } from '../stores/session.ts';
import { AccountView } from '../views/account/AccountView.tsx';
import { CreditsView } from '../views/credits/CreditsView.tsx';
import { RenderView } from '../views/credits/RenderView.tsx';
import { LicensingView } from '../views/licensing/LicensingView.tsx';
import { BillingView } from '../views/billing/BillingView.tsx';
import { LearningView } from '../views/help/LearningView.tsx';
import { OrganizationView } from '../views/organization/OrganizationView.tsx';
import { NotAdminView } from '../views/placeholders/NotAdminView.tsx';
import { ProductsView } from '../views/products/ProductsView.tsx';
import { ActiveProducts } from '../views/portal/ActiveProducts.tsx';
import { DownloadsView } from '../views/portal/DownloadsView.tsx';
import { ExpiredProducts } from '../views/portal/ExpiredProducts.tsx';
import { StoreView } from '../views/portal/StoreView.tsx';
import { SupportView } from '../views/help/SupportView.tsx';
import type { Route } from './route.ts';

export function CurrentView({ route }: { route: Route }) {
  const role = useSession((s) => s.session?.account?.organization?.role ?? null);
  switch (route.menu) {
    case 'products':
      if (route.tab === 'credits') return <CreditsView />;
      if (route.tab === 'render') return <RenderView />;
      if (route.tab === 'active') return <ActiveProducts />;
      if (route.tab === 'expired') return <ExpiredProducts />;
      if (route.tab === 'store') return <StoreView />;
      if (route.tab === 'downloads') return <DownloadsView />;
      return <ProductsView />;
    case 'licensing':
      return <LicensingView tab={route.tab} />;
    case 'organization':
      return role === 'administrator' ? <OrganizationView /> : <NotAdminView />;
    case 'billing':
      return <BillingView tab={route.tab} />;
    case 'learning':
      return <LearningView />;
    case 'account':
      return <AccountView tab={route.tab} />;
    case 'support':
      return <SupportView />;
  }
}
