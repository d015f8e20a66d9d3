// Billing (placeholder): invoices, payment methods and billing information.
import { PageHeader } from '../../components/PageHeader.tsx';
import { Placeholder } from '../../components/Placeholder.tsx';

export function BillingView() {
  return (
    <>
      <PageHeader
        title="Billing"
        description="Review your invoices, payment methods and billing information."
      />
      <Placeholder
        icon="billing"
        lead="This is where you will view, filter or download your invoices, pay your outstanding balance, and update your billing information."
        sections={[
          {
            title: 'Invoices',
            text: 'Every invoice with its payment status: search by invoice number, filter by status and issue date, download each as PDF. The outstanding balance (the sum of unpaid invoices), Pay all or Pay one, and unapplied credits.',
          },
          {
            title: 'Payment methods',
            text: 'The payment method saved on your account, used for unpaid invoices and future renewals; change it here.',
          },
          {
            title: 'Billing information',
            text: 'The billing details printed on your invoices, including your VAT ID.',
          },
        ]}
      />
    </>
  );
}
