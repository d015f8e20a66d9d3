// Billing (docs/sources.md, Account management "Billing"): invoices with the outstanding balance
// and payments, payment methods, and billing information with VAT ID. The payment processor of this
// demo is simulated.
import { PageHeader } from '../../components/PageHeader.tsx';
import { Tabs } from '../../components/Tabs.tsx';
import { BillingInfoPanel } from './BillingInfoPanel.tsx';
import { InvoicesPanel } from './InvoicesPanel.tsx';
import { PaymentMethodPanel } from './PaymentMethodPanel.tsx';
import '../../styles/portal.css';

const tabs = [
  { id: 'invoices', label: 'Invoices' },
  { id: 'methods', label: 'Payment methods' },
  { id: 'info', label: 'Billing information' },
];

export function BillingView({ tab }: { tab: string | null }) {
  const active = tab === 'methods' || tab === 'info' ? tab : 'invoices';
  return (
    <>
      <PageHeader
        title="Billing"
        description="Your invoices and outstanding balance, payment methods and billing information. Payments in this demo are simulated: no card is charged."
      />
      <Tabs menu="billing" tabs={tabs} active={active} />
      {active === 'invoices' && <InvoicesPanel />}
      {active === 'methods' && <PaymentMethodPanel />}
      {active === 'info' && <BillingInfoPanel />}
    </>
  );
}
