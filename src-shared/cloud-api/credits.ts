// The cloud's credit and render routes (docs/requirements.md §9, issue 19): the balance with lots "as of", the
// ledger, purchases of credits, the low-pool alert, and the simulated render farm's jobs.
import Type from 'typebox';
import type { Static } from 'typebox';
import type { OrgRouteSpec } from './org.ts';
import { CreditLedgerRow, RenderJobRow } from './sync.ts';

const Time = Type.String({ description: 'ISO-8601 UTC' });
const Credits = Type.Number({ description: 'credits, three decimals' });

export const SceneInfo = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 260, description: 'the scene file name' }),
    sizeBytes: Type.Integer({ minimum: 1, maximum: 50_000_000_000 }),
    frames: Type.Integer({ minimum: 1, maximum: 100_000 }),
  },
  { additionalProperties: false },
);
/** The scene file as the render form describes it; its bytes are never sent before a job starts. */
export const SceneBody = SceneInfo;
export const JobIdBody = Type.Object(
  { jobId: Type.String({ minLength: 1, maxLength: 100 }) },
  { additionalProperties: false },
);
export const PurchaseCreditsBody = Type.Object(
  {
    amount: Type.Number({ exclusiveMinimum: 0, maximum: 1_000_000 }),
    /** Days until the lot expires; absent: "No expiration date". */
    expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
  },
  { additionalProperties: false },
);
export const CreditAlertBody = Type.Object(
  { threshold: Type.Union([Type.Number({ minimum: 0, maximum: 1_000_000_000 }), Type.Null()]) },
  { additionalProperties: false },
);

const Source = Type.Union([Type.Literal('organization'), Type.Literal('personal')]);

/** Who a render runs as and what it may spend: the render form's "Rendering as …". */
export const RenderQuote = Type.Object({
  email: Type.String(),
  name: Type.String(),
  organization: Type.Union([
    Type.Object({
      name: Type.String(),
      role: Type.Union([
        Type.Literal('administrator'),
        Type.Literal('member'),
        Type.Literal('guest'),
      ]),
      administratorEmail: Type.String(),
    }),
    Type.Null(),
  ]),
  source: Type.Union([Source, Type.Null()]),
  estimate: Credits,
  available: Credits,
  allowed: Type.Boolean(),
  code: Type.Optional(Type.String()),
  reason: Type.Optional(Type.String()),
});
export type RenderQuote = Static<typeof RenderQuote>;

export const LotView = Type.Object({
  id: Type.String(),
  expiresAt: Type.Union([Time, Type.Null()]),
  remaining: Credits,
});
/** The balance of whoever asks: the pool for the administrator, else their quota (or personal lots). */
export const CreditBalance = Type.Object({
  asOf: Time,
  source: Type.Union([Source, Type.Null()]),
  lots: Type.Array(LotView),
  total: Credits,
  quota: Type.Union([
    Type.Object({
      mode: Type.Union([
        Type.Literal('disabled'),
        Type.Literal('limit'),
        Type.Literal('unlimited'),
      ]),
      limit: Type.Union([Credits, Type.Null()]),
      used: Credits,
    }),
    Type.Null(),
  ]),
  available: Credits,
  alertThreshold: Type.Union([Credits, Type.Null()]),
});
export type CreditBalance = Static<typeof CreditBalance>;

function route<const R extends OrgRouteSpec>(r: R): R {
  return r;
}

export const creditRoutes = {
  creditBalance: route({
    method: 'GET',
    path: '/v1/credits/balance',
    summary:
      'Cloud credits as of now: lots by expiration date and total, quota and what is available',
    response: CreditBalance,
  }),
  creditLedger: route({
    method: 'GET',
    path: '/v1/credits/ledger',
    summary: "Every movement of the caller's lots (the pool for its administrator) and own charges",
    response: Type.Array(CreditLedgerRow),
  }),
  purchaseCredits: route({
    method: 'POST',
    path: '/v1/credits/purchase',
    summary:
      'Buy a lot of cloud credits (simulated shop): the pool for an administrator, else personal',
    body: PurchaseCreditsBody,
    response: CreditBalance,
  }),
  setCreditAlert: route({
    method: 'POST',
    path: '/v1/org/credit-alert',
    summary: 'Notify the administrator when the pool falls below a threshold (null: never)',
    body: CreditAlertBody,
    response: CreditBalance,
  }),
  renderQuote: route({
    method: 'POST',
    path: '/v1/render/quote',
    summary:
      'The account a render runs as, its estimate, and whether it may start (nothing uploaded)',
    body: SceneBody,
    response: RenderQuote,
  }),
  submitRender: route({
    method: 'POST',
    path: '/v1/render/jobs',
    summary: 'Start a render on the simulated farm; its estimate is held from the credits at once',
    body: SceneBody,
    response: RenderJobRow,
  }),
  listRenders: route({
    method: 'GET',
    path: '/v1/render/jobs',
    summary: "The caller's render jobs, newest first",
    response: Type.Array(RenderJobRow),
  }),
  cancelRender: route({
    method: 'POST',
    path: '/v1/render/jobs/cancel',
    summary: 'Cancel a rendering job; it is charged for what it used',
    body: JobIdBody,
    response: RenderJobRow,
  }),
} as const;

export type CreditRouteName = keyof typeof creditRoutes;
