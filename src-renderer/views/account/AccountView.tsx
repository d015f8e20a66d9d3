// Account: personal information (with the customer number to copy) and the password sub-tab.
import { PageHeader } from '../../components/PageHeader.tsx';
import { Tabs } from '../../components/Tabs.tsx';
import { PasswordForm } from './PasswordForm.tsx';
import { PersonalInfo } from './PersonalInfo.tsx';
import { SettingsView } from '../settings/SettingsView.tsx';

const tabs = [
  { id: 'personal', label: 'Personal information' },
  { id: 'password', label: 'Password' },
  { id: 'settings', label: 'Settings' },
];

export function AccountView({ tab }: { tab: string | null }) {
  const active = tab === 'password' || tab === 'settings' ? tab : 'personal';
  return (
    <>
      <PageHeader
        title="Account"
        description="Your personal information, your customer number, your password and how this app reaches the cloud."
      />
      <Tabs menu="account" tabs={tabs} active={active} />
      {active === 'password' ? (
        <PasswordForm />
      ) : active === 'settings' ? (
        <SettingsView />
      ) : (
        <PersonalInfo />
      )}
    </>
  );
}
