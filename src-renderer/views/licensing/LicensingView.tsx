// Licensing: sub-tabs "Licenses" (what the account holds) and "License server" (seats on this machine).
import { PageHeader } from '../../components/PageHeader.tsx';
import { Tabs } from '../../components/Tabs.tsx';
import { LicensesPanel } from './LicensesPanel.tsx';
import { LicenseServerView } from './server/LicenseServerView.tsx';
import { LicenseServersView } from '../license-servers/LicenseServersView.tsx';

const tabs = [
  { id: 'licenses', label: 'Licenses' },
  { id: 'server', label: 'License server' },
  { id: 'servers', label: 'License Servers' },
];

export function LicensingView({ tab }: { tab: string | null }) {
  const active = tab === 'server' || tab === 'servers' ? tab : 'licenses';
  return (
    <>
      <PageHeader
        title="Licensing"
        description="Your active licenses with their quantity, expiry date and where they come from."
      />
      <Tabs menu="licensing" tabs={tabs} active={active} />
      {active === 'server' && <LicenseServerView />}
      {active === 'servers' && <LicenseServersView />}
      {active === 'licenses' && <LicensesPanel />}
    </>
  );
}
