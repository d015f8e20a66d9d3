// The cloud API's route table: method, path, whether it needs a Bearer access token, body and answer.
import type { Static, TSchema } from 'typebox';
import * as S from './schemas.ts';

export interface RouteSpec {
  method: 'GET' | 'POST';
  path: string;
  /** True when the route needs `Authorization: Bearer <accessToken>`. */
  auth: boolean;
  summary: string;
  body?: TSchema;
  response: TSchema;
}

function route<const R extends RouteSpec>(r: R): R {
  return r;
}

export const cloudRoutes = {
  health: route({
    method: 'GET',
    path: '/v1/health',
    auth: false,
    summary: 'Liveness and server version',
    response: S.HealthAnswer,
  }),
  keys: route({
    method: 'GET',
    path: '/v1/keys',
    auth: false,
    summary: 'Public Ed25519 keys that verify what this server signs',
    response: S.KeysAnswer,
  }),
  demoAccounts: route({
    method: 'GET',
    path: '/v1/demo-accounts',
    auth: false,
    summary: 'Accounts of the demo seed for the sign-in screen (empty when not seeded with one)',
    response: S.DemoAccountList,
  }),
  signIn: route({
    method: 'POST',
    path: '/v1/auth/sign-in',
    auth: false,
    summary: 'Sign in with email and password',
    body: S.SignInBody,
    response: S.TokenAnswer,
  }),
  refresh: route({
    method: 'POST',
    path: '/v1/auth/refresh',
    auth: false,
    summary: 'Trade a refresh token for new tokens; the old refresh token is refused afterwards',
    body: S.RefreshBody,
    response: S.TokenAnswer,
  }),
  signOut: route({
    method: 'POST',
    path: '/v1/auth/sign-out',
    auth: false,
    summary: 'Revoke a refresh token',
    body: S.SignOutBody,
    response: S.Empty,
  }),
  delegate: route({
    method: 'POST',
    path: '/v1/auth/delegate',
    auth: true,
    summary:
      "A new, independent session (refresh-token family) of the caller's account, e.g. for the license server",
    body: S.DelegateBody,
    response: S.TokenAnswer,
  }),
  account: route({
    method: 'GET',
    path: '/v1/account',
    auth: true,
    summary: 'The signed-in account',
    response: S.AccountView,
  }),
  changePassword: route({
    method: 'POST',
    path: '/v1/account/password',
    auth: true,
    summary: "Change the password; revokes the account's other refresh tokens",
    body: S.ChangePasswordBody,
    response: S.ChangePasswordAnswer,
  }),
  products: route({
    method: 'GET',
    path: '/v1/products',
    auth: true,
    summary: 'The product catalogue',
    response: S.ProductList,
  }),
  licenses: route({
    method: 'GET',
    path: '/v1/licenses',
    auth: true,
    summary: "The account's personal licenses and the seats its organization assigned to it",
    response: S.LicenseList,
  }),
  organization: route({
    method: 'GET',
    path: '/v1/organization',
    auth: true,
    summary: "The caller's organization and role, or null",
    response: S.OrganizationAnswer,
  }),
  licenseServerPool: route({
    method: 'GET',
    path: '/v1/license-server/pool',
    auth: true,
    summary: "Seats this account's license server may serve, per product",
    response: S.PoolAnswer,
  }),
} as const;

export type CloudRouteName = keyof typeof cloudRoutes;
type Routes = typeof cloudRoutes;
/** The answer type of a route, e.g. `CloudAnswer<'signIn'>`. */
export type CloudAnswer<N extends CloudRouteName> = Static<Routes[N]['response']>;
/** The body type of a route (`undefined` for routes without one). */
export type CloudBody<N extends CloudRouteName> = Routes[N] extends {
  body: infer B extends TSchema;
}
  ? Static<B>
  : undefined;

/** Error codes the API answers, with their HTTP status. */
export const cloudErrorStatus: Record<string, number> = {
  bad_request: 400,
  invalid_credentials: 401,
  invalid_refresh_token: 401,
  unauthorized: 401,
  wrong_password: 403,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
  // The portal's billing (src-shared/cloud-api/billing.ts).
  members_cannot_purchase: 403,
  guest_uses_org_credits: 409,
  no_payment_method: 409,
  nothing_to_pay: 409,
  not_payable: 404,
  price_changed: 409,
  auto_renew_closed: 409,
  no_upgrade: 409,
  subscription_not_found: 404,
  // Borrowing (src-shared/borrow/rules.ts): each refusal names its rule.
  borrow_days: 400,
  borrow_no_license: 409,
  borrow_no_seat: 409,
  borrow_floor: 409,
  borrow_user_max: 409,
  borrow_not_found: 404,
};
