// The billing information and payment method an order will use, each with Change (docs/sources.md,
// Account management "Expired Products": "change your billing and payment information if needed").
import type { BillingAnswer } from '../../../src-shared/cloud-api/billing.ts';
import { NO_CARD_LABEL } from '../../../src-shared/billing/renewal.ts';
import { href } from '../../app/route.ts';

export function CartSummary({ billing }: { billing: BillingAnswer | null }) {
  const info = billing?.info;
  const card = billing?.paymentMethod;
  return (
    <dl className="details">
      <div>
        <dt>Billing information</dt>
        <dd>
          {info
            ? `${info.company ?? info.name}${info.vatId ? `, VAT ID ${info.vatId}` : ''}`
            : 'Your account name and country'}{' '}
          <a href={href('billing', 'info')}>Change</a>
        </dd>
      </div>
      <div>
        <dt>Payment</dt>
        <dd>
          {card ? `${card.brand} •••• ${card.last4}` : NO_CARD_LABEL}{' '}
          <a href={href('billing', 'methods')}>Change</a>
        </dd>
      </div>
    </dl>
  );
}
