// Account: personal information (with the customer number to copy) and the password sub-tab.
import { PageHeader } from '../../components/PageHeader.tsx';
import { Tabs } from '../../components/Tabs.tsx';
import { PasswordForm } from './PasswordForm.tsx';
import { PersonalInfo } from './PersonalInfo.tsx';

const tabs = [
  { id: 'personal', label: 'Personal information' },
  { id: 'password', label: 'Password' },
];

export function AccountView({ tab }: { tab: string | null }) {
  const active = tab === 'password' ? 'password' : 'personal';
  return (
    <>
      <PageHeader
        title="Account"
        description="Your personal information, your customer number and your password."
      />
      <Tabs menu="account" tabs={tabs} active={active} />
      {active === 'password' ? <PasswordForm /> : <PersonalInfo />}
    </>
  );
}
