// The cloud's portal routes of docs/requirements.md §10 (issue 15): subscriptions (auto-renew, add seats,
// upgrade), the simulated store, invoices and payments, billing information, payment method,
// downloads, the account's own details. Money is integer cents (src-shared/billing/money.ts).
import Type from 'typebox';
import type { Static } from 'typebox';
import type { OrgRouteSpec } from './org.ts';

const Time = Type.String({ description: 'ISO-8601 UTC' });
const MaybeTime = Type.Union([Time, Type.Null()]);
const Cents = Type.Integer({ description: 'minor units (cents)' });
const Id = Type.String({ minLength: 1, maxLength: 64 });
const closed = { additionalProperties: false } as const;
const Term = Type.Union([
  Type.Literal('annual'),
  Type.Literal('monthly'),
  Type.Literal('perpetual'),
  Type.Literal('nfr'),
  Type.Literal('trial'),
  Type.Literal('beta'),
  Type.Literal('edu'),
]);
const RenewTerm = Type.Union([Type.Literal('annual'), Type.Literal('monthly')]);

export const SubscriptionView = Type.Object({
  id: Type.String(),
  productCode: Type.String(),
  productName: Type.String(),
  family: Type.String(),
  term: Term,
  quantity: Type.Integer(),
  activatedAt: Time,
  expiresAt: MaybeTime,
  currency: Type.String(),
  /** The price of one seat for one term; null for trials, betas and the like. */
  unitCents: Type.Union([Cents, Type.Null()]),
  autoRenew: Type.Boolean(),
  /**
   * Whether the auto-renew switch can be flipped now, and why not (docs/sources.md, Account
   * management "Enable or Disable Auto-Renewal").
   */
  autoRenewChange: Type.Object({
    allowed: Type.Boolean(),
    reason: Type.Union([Type.String(), Type.Null()]),
  }),
  /** Personal, or the organization's (the administrator's purchases). */
  source: Type.Union([Type.Literal('personal'), Type.Literal('organization')]),
  upgradeTo: Type.Union([Type.Object({ code: Type.String(), name: Type.String() }), Type.Null()]),
  licenseKey: Type.Union([Type.String(), Type.Null()]),
  payment: Type.String({ description: 'how renewals are paid, e.g. "Visa •••• 4242"' }),
});
export type SubscriptionView = Static<typeof SubscriptionView>;

export const SubscriptionsAnswer = Type.Object({
  active: Type.Array(SubscriptionView),
  expired: Type.Array(SubscriptionView),
});
export type SubscriptionsAnswer = Static<typeof SubscriptionsAnswer>;

export const AutoRenewBody = Type.Object({ purchaseId: Id, autoRenew: Type.Boolean() }, closed);
export const SeatsBody = Type.Object(
  { purchaseId: Id, seats: Type.Integer({ minimum: 1, maximum: 1000 }) },
  closed,
);
export const ConfirmSeatsBody = Type.Object(
  {
    purchaseId: Id,
    seats: Type.Integer({ minimum: 1, maximum: 1000 }),
    /** The quote the person saw; a different price now refuses the order. */
    expectedCents: Cents,
  },
  closed,
);
export type ConfirmSeatsBody = Static<typeof ConfirmSeatsBody>;

export const QuoteAnswer = Type.Object({
  description: Type.String(),
  unitCents: Cents,
  seats: Type.Integer(),
  days: Type.Integer(),
  termDays: Type.Integer(),
  totalCents: Cents,
  currency: Type.String(),
});
export type QuoteAnswer = Static<typeof QuoteAnswer>;

export const InvoiceLine = Type.Object({
  description: Type.String(),
  quantity: Type.Integer(),
  unitCents: Cents,
  amountCents: Cents,
});

export const InvoiceView = Type.Object({
  number: Type.String(),
  status: Type.Union([Type.Literal('paid'), Type.Literal('unpaid')]),
  issuedAt: Time,
  dueAt: MaybeTime,
  paidAt: MaybeTime,
  amountCents: Cents,
  currency: Type.String(),
  description: Type.String(),
  overdue: Type.Boolean(),
  lines: Type.Array(InvoiceLine),
});
export type InvoiceView = Static<typeof InvoiceView>;

export const InvoicesQuery = Type.Object(
  {
    number: Type.Optional(Type.String({ maxLength: 40 })),
    status: Type.Optional(Type.Union([Type.Literal('paid'), Type.Literal('unpaid')])),
    issuedFrom: Type.Optional(Type.String({ format: 'date' })),
    issuedTo: Type.Optional(Type.String({ format: 'date' })),
  },
  closed,
);
export type InvoicesQuery = Static<typeof InvoicesQuery>;

export const InvoicesAnswer = Type.Object({
  invoices: Type.Array(InvoiceView),
  /** The sum of every unpaid invoice, whatever the filters. */
  outstandingCents: Cents,
  unappliedCreditCents: Cents,
  currency: Type.String(),
});
export type InvoicesAnswer = Static<typeof InvoicesAnswer>;

export const PayBody = Type.Object(
  {
    /** Invoice numbers to pay; `all` pays every unpaid invoice. */
    invoices: Type.Union([
      Type.Literal('all'),
      Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { minItems: 1, maxItems: 500 }),
    ]),
  },
  closed,
);
export type PayBody = Static<typeof PayBody>;

export const Receipt = Type.Object({
  receiptNumber: Type.String(),
  paidAt: Time,
  amountCents: Cents,
  currency: Type.String(),
  method: Type.String(),
  invoices: Type.Array(Type.String()),
  /** The processor is simulated: nothing is charged (docs/billing.md). */
  simulated: Type.Literal(true),
});
export type Receipt = Static<typeof Receipt>;

export const BillingInfo = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    company: Type.Union([Type.String({ maxLength: 200 }), Type.Null()]),
    address: Type.String({ minLength: 1, maxLength: 500 }),
    country: Type.String({ minLength: 2, maxLength: 80 }),
    vatId: Type.Union([
      Type.String({
        pattern: '^[A-Z]{2}[0-9A-Z+*.]{2,13}$',
        description: 'EU VAT ID, e.g. BG123456789',
      }),
      Type.Null(),
    ]),
  },
  closed,
);
export type BillingInfo = Static<typeof BillingInfo>;

export const PaymentMethodView = Type.Object({
  brand: Type.String(),
  last4: Type.String(),
  expMonth: Type.Integer(),
  expYear: Type.Integer(),
  holder: Type.String(),
});
export type PaymentMethodView = Static<typeof PaymentMethodView>;

export const PaymentMethodBody = Type.Object(
  {
    holder: Type.String({ minLength: 1, maxLength: 200 }),
    cardNumber: Type.String({ pattern: '^[0-9 ]{12,23}$' }),
    expMonth: Type.Integer({ minimum: 1, maximum: 12 }),
    expYear: Type.Integer({ minimum: 2000, maximum: 2100 }),
  },
  closed,
);
export type PaymentMethodBody = Static<typeof PaymentMethodBody>;

export const BillingAnswer = Type.Object({
  info: Type.Union([BillingInfo, Type.Null()]),
  paymentMethod: Type.Union([PaymentMethodView, Type.Null()]),
});
export type BillingAnswer = Static<typeof BillingAnswer>;

export const StoreItem = Type.Object({
  productCode: Type.String(),
  productName: Type.String(),
  family: Type.String(),
  annualCents: Cents,
  monthlyCents: Cents,
});
export const StoreAnswer = Type.Object({
  currency: Type.String(),
  products: Type.Array(StoreItem),
  creditCents: Cents,
  /** Why this account cannot buy subscriptions or credits, if so (trials and betas stay open). */
  subscriptionRefusal: Type.Union([Type.String(), Type.Null()]),
  creditRefusal: Type.Union([Type.String(), Type.Null()]),
});
export type StoreAnswer = Static<typeof StoreAnswer>;

/** One order: a subscription (productCode, term, quantity), credits (amount), or a trial/beta. */
export const OrderBody = Type.Object(
  {
    kind: Type.Union([
      Type.Literal('subscription'),
      Type.Literal('credits'),
      Type.Literal('trial'),
      Type.Literal('beta'),
    ]),
    productCode: Type.Optional(Id),
    term: Type.Optional(RenewTerm),
    quantity: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
    amount: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
    /** The total the person was shown (subscriptions and credits); another total refuses. */
    expectedCents: Type.Optional(Cents),
  },
  closed,
);
export type OrderBody = Static<typeof OrderBody>;

export const OrderAnswer = Type.Object({
  invoice: Type.Union([InvoiceView, Type.Null()]),
  receipt: Type.Union([Receipt, Type.Null()]),
  purchaseId: Type.Union([Type.String(), Type.Null()]),
});
export type OrderAnswer = Static<typeof OrderAnswer>;

export const DownloadView = Type.Object({
  productCode: Type.String(),
  productName: Type.String(),
  version: Type.String(),
  fileName: Type.String(),
  sizeBytes: Type.Integer(),
  sha256: Type.String(),
  url: Type.String(),
});
export type DownloadView = Static<typeof DownloadView>;

export const ProfileBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    country: Type.String({ minLength: 2, maxLength: 80 }),
  },
  closed,
);
export type ProfileBody = Static<typeof ProfileBody>;

function route<const R extends OrgRouteSpec>(r: R): R {
  return r;
}

export const billingRoutes = {
  subscriptions: route({
    method: 'GET',
    path: '/v1/subscriptions',
    summary: 'Active and expired subscriptions with auto-renew windows and prices',
    response: SubscriptionsAnswer,
  }),
  setAutoRenew: route({
    method: 'POST',
    path: '/v1/subscriptions/auto-renew',
    summary: 'Enable or disable auto-renewal inside the portal’s windows (30/7 days, 1 day)',
    body: AutoRenewBody,
    response: SubscriptionView,
  }),
  quoteSeats: route({
    method: 'POST',
    path: '/v1/subscriptions/seats/quote',
    summary: 'The prorated price of more seats until the renewal date',
    body: SeatsBody,
    response: QuoteAnswer,
  }),
  addSeats: route({
    method: 'POST',
    path: '/v1/subscriptions/seats',
    summary: 'Add seats at the quoted price; charged to the saved (simulated) payment method',
    body: ConfirmSeatsBody,
    response: OrderAnswer,
  }),
  quoteUpgrade: route({
    method: 'POST',
    path: '/v1/subscriptions/upgrade/quote',
    summary: 'The prorated price of upgrading seats to the product’s upgrade',
    body: SeatsBody,
    response: QuoteAnswer,
  }),
  upgrade: route({
    method: 'POST',
    path: '/v1/subscriptions/upgrade',
    summary: 'Upgrade seats at the quoted price (simulated payment)',
    body: ConfirmSeatsBody,
    response: OrderAnswer,
  }),
  store: route({
    method: 'GET',
    path: '/v1/store',
    summary: 'The simulated store’s products and prices, and what this account may buy',
    response: StoreAnswer,
  }),
  order: route({
    method: 'POST',
    path: '/v1/store/orders',
    summary: 'Buy a subscription or credits, or apply for a trial or beta (simulated payment)',
    body: OrderBody,
    response: OrderAnswer,
  }),
  invoices: route({
    method: 'GET',
    path: '/v1/invoices',
    summary: 'Invoices by number, status and issue date, the outstanding balance',
    query: InvoicesQuery,
    response: InvoicesAnswer,
  }),
  payInvoices: route({
    method: 'POST',
    path: '/v1/invoices/pay',
    summary: 'Pay one, several (part payment) or all unpaid invoices (simulated payment)',
    body: PayBody,
    response: Receipt,
  }),
  billing: route({
    method: 'GET',
    path: '/v1/billing',
    summary: 'Billing information with VAT ID and the saved payment method',
    response: BillingAnswer,
  }),
  setBillingInfo: route({
    method: 'POST',
    path: '/v1/billing/info',
    summary: 'Billing information used on every later invoice, renewals included',
    body: BillingInfo,
    response: BillingAnswer,
  }),
  setPaymentMethod: route({
    method: 'POST',
    path: '/v1/billing/payment-method',
    summary: 'Change the saved card (simulated: only brand and last four digits are kept)',
    body: PaymentMethodBody,
    response: BillingAnswer,
  }),
  downloads: route({
    method: 'GET',
    path: '/v1/downloads',
    summary: 'Installers of the account’s active products with SHA-256 checksums',
    response: Type.Array(DownloadView),
  }),
  setProfile: route({
    method: 'POST',
    path: '/v1/account/profile',
    summary: 'Change the account’s name and country (the email: contact support)',
    body: ProfileBody,
    response: Type.Object({ name: Type.String(), country: Type.String() }),
  }),
};
