// The Products menu's sub-menu tabs (docs/sources.md, Account management "Menus"): overview, active
// and expired products, the store, cloud credits and downloads.
import { Tabs } from '../../components/Tabs.tsx';

const tabs = [
  { id: 'overview', label: 'Overview' },
  { id: 'active', label: 'Active products' },
  { id: 'expired', label: 'Expired products' },
  { id: 'store', label: 'Store' },
  { id: 'credits', label: 'Cloud credits' },
  { id: 'downloads', label: 'Downloads' },
];

export function PortalTabs({ active }: { active: string }) {
  return <Tabs menu="products" tabs={tabs} active={active} />;
}
