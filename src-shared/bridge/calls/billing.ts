// Bridge calls of the My Chaos portal (docs/requirements.md §10, issue 15): subscriptions, the store, invoices and
// payments, billing information, downloads, the account's details. They need the cloud (docs/billing.md).
import Type from 'typebox';
import type {
  BillingAnswer,
  DownloadView,
  InvoicesAnswer,
  OrderAnswer,
  QuoteAnswer,
  Receipt,
  StoreAnswer,
  SubscriptionsAnswer,
  SubscriptionView,
} from '../../cloud-api/billing.ts';
import {
  AutoRenewBody,
  BillingInfo,
  ConfirmSeatsBody,
  InvoicesQuery,
  OrderBody,
  PayBody,
  PaymentMethodBody,
  ProfileBody,
  SeatsBody,
} from '../../cloud-api/billing.ts';
import { call, NoInput } from '../define.ts';

export interface SavedFile {
  fileName: string;
  /** Where the core saved it. */
  path: string;
  sizeBytes: number;
  sha256: string;
}

const InvoiceNumber = Type.Object(
  { number: Type.String({ minLength: 1, maxLength: 40 }) },
  { additionalProperties: false },
);
const DownloadFile = Type.Object(
  { fileName: Type.String({ minLength: 1, maxLength: 120 }) },
  { additionalProperties: false },
);

export const billingCalls = {
  'portal.subscriptions': call<SubscriptionsAnswer>()(NoInput, 'Active and expired subscriptions'),
  'portal.setAutoRenew': call<SubscriptionView>()(AutoRenewBody, 'Enable or disable auto-renewal'),
  'portal.quoteSeats': call<QuoteAnswer>()(SeatsBody, 'The prorated price of more seats'),
  'portal.addSeats': call<OrderAnswer>()(ConfirmSeatsBody, 'Add seats at the quoted price'),
  'portal.quoteUpgrade': call<QuoteAnswer>()(SeatsBody, 'The prorated price of an upgrade'),
  'portal.upgrade': call<OrderAnswer>()(ConfirmSeatsBody, 'Upgrade at the quoted price'),
  'portal.store': call<StoreAnswer>()(NoInput, 'The store and what this account may buy'),
  'portal.order': call<OrderAnswer>()(OrderBody, 'Buy, buy again, or apply for a trial/beta'),
  'portal.invoices': call<InvoicesAnswer>()(InvoicesQuery, 'Invoices and the outstanding balance'),
  'portal.pay': call<Receipt>()(PayBody, 'Pay one, several or all unpaid invoices (simulated)'),
  'portal.billing': call<BillingAnswer>()(NoInput, 'Billing information and payment method'),
  'portal.setBillingInfo': call<BillingAnswer>()(BillingInfo, 'Billing information with VAT ID'),
  'portal.setPaymentMethod': call<BillingAnswer>()(PaymentMethodBody, 'Change the saved card'),
  'portal.invoicePdf': call<SavedFile>()(InvoiceNumber, "Save an invoice's PDF to Downloads"),
  'portal.downloads': call<DownloadView[]>()(NoInput, 'Installers of active products'),
  'portal.download': call<SavedFile>()(DownloadFile, 'Save an installer, checksum verified'),
  'account.setProfile': call<{ name: string; country: string }>()(
    ProfileBody,
    "Change the account's name and country",
  ),
};
