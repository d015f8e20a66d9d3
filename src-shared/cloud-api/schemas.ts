// TypeBox schemas of the cloud HTTP API's bodies and answers, shared by the server and the desktop's client.
import Type from 'typebox';
import type { Static } from 'typebox';

export const ApiError = Type.Object({
  error: Type.String({ description: 'Stable error code, e.g. invalid_credentials' }),
  message: Type.String({ description: 'What went wrong, for a person' }),
});
export type ApiError = Static<typeof ApiError>;

export const Email = Type.String({ format: 'email', minLength: 3, maxLength: 254 });
export const Password = Type.String({ minLength: 1, maxLength: 200 });
export const NewPassword = Type.String({ minLength: 8, maxLength: 200 });
export const RefreshToken = Type.String({ minLength: 1, maxLength: 200 });

export const Empty = Type.Object({}, { additionalProperties: false });
export type Empty = Static<typeof Empty>;

export const OrgRole = Type.Union([
  Type.Literal('administrator'),
  Type.Literal('member'),
  Type.Literal('guest'),
]);
export const LicenseType = Type.Union([Type.Literal('workstation'), Type.Literal('render-node')]);
export const LicenseTerm = Type.Union([
  Type.Literal('annual'),
  Type.Literal('monthly'),
  Type.Literal('perpetual'),
  Type.Literal('nfr'),
  Type.Literal('trial'),
  Type.Literal('beta'),
  Type.Literal('edu'),
]);

/** Mirrors `AccountView` of src-shared/domain/account.ts. */
export const AccountView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  email: Type.String(),
  country: Type.String(),
  customerNumber: Type.String(),
  organization: Type.Union([
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      role: OrgRole,
      administratorName: Type.String(),
      administratorEmail: Type.String(),
    }),
    Type.Null(),
  ]),
});

/** Mirrors `ProductView` of src-shared/domain/license.ts. */
export const ProductView = Type.Object({
  code: Type.String(),
  name: Type.String(),
  licenseType: LicenseType,
});

/** Mirrors `LicenseView` of src-shared/domain/license.ts. */
export const LicenseView = Type.Object({
  id: Type.String(),
  productCode: Type.String(),
  productName: Type.String(),
  licenseType: LicenseType,
  term: LicenseTerm,
  quantity: Type.Integer({ minimum: 0 }),
  expiresAt: Type.Union([Type.String(), Type.Null()]),
  source: Type.Union([Type.Literal('personal'), Type.Literal('organization')]),
  inUse: Type.Optional(Type.Integer({ minimum: 0 })),
});

// --- auth ---
export const SignInBody = Type.Object(
  { email: Email, password: Password },
  { additionalProperties: false },
);
export type SignInBody = Static<typeof SignInBody>;

export const RefreshBody = Type.Object(
  { refreshToken: RefreshToken },
  { additionalProperties: false },
);
export type RefreshBody = Static<typeof RefreshBody>;

export const SignOutBody = RefreshBody;
export type SignOutBody = RefreshBody;

/**
 * Asks for a new session of the caller's account, for another program of the same machine (the
 * license server), so it never needs the account's password.
 */
export const DelegateBody = Type.Object(
  { purpose: Type.Literal('license-server') },
  { additionalProperties: false },
);
export type DelegateBody = Static<typeof DelegateBody>;

export const TokenAnswer = Type.Object({
  accessToken: Type.String(),
  /** ISO time after which the access token is refused; refresh before. */
  accessTokenExpiresAt: Type.String(),
  /** Single use: every refresh answers a new one and refuses the old one. */
  refreshToken: Type.String(),
  account: AccountView,
});
export type TokenAnswer = Static<typeof TokenAnswer>;

// --- account ---
export const ChangePasswordBody = Type.Object(
  { currentPassword: Password, newPassword: NewPassword },
  { additionalProperties: false },
);
export type ChangePasswordBody = Static<typeof ChangePasswordBody>;
export const ChangePasswordAnswer = Type.Object({ changed: Type.Literal(true) });
export type ChangePasswordAnswer = Static<typeof ChangePasswordAnswer>;

// --- catalogue and licenses ---
export const ProductList = Type.Array(ProductView);
export const LicenseList = Type.Array(LicenseView);

// --- organization ---
/**
 * The caller's own organizational cloud credits (docs/sources.md, Portal guide §XXV 6-7): a member
 * or guest does not pull the pool's lots, so the cloud answers what is available to them, the quota
 * capped by the pool.
 */
export const MyCreditsView = Type.Object({
  mode: Type.Union([Type.Literal('disabled'), Type.Literal('limit'), Type.Literal('unlimited')]),
  /** The quota; null unless mode is `limit`. */
  limit: Type.Union([Type.Number(), Type.Null()]),
  used: Type.Number(),
  /** What the caller can spend now (three decimals); the administrator's is the whole pool. */
  available: Type.Number(),
});
export type MyCreditsView = Static<typeof MyCreditsView>;

export const OrganizationAnswer = Type.Union([
  Type.Object({
    organization: Type.Object({
      id: Type.String(),
      name: Type.String(),
      administrator: Type.Object({ name: Type.String(), email: Type.String() }),
    }),
    role: OrgRole,
    credits: Type.Optional(MyCreditsView),
  }),
  Type.Null(),
]);
export type OrganizationAnswer = Static<typeof OrganizationAnswer>;

// --- license server pool ---
export const PoolEntry = Type.Object({
  productCode: Type.String(),
  productName: Type.String(),
  licenseType: LicenseType,
  /** Seats this account's license server may serve for the product. */
  total: Type.Integer({ minimum: 0 }),
});
export type PoolEntry = Static<typeof PoolEntry>;
export const PoolAnswer = Type.Array(PoolEntry);

// --- service ---
export const HealthAnswer = Type.Object({ ok: Type.Literal(true), version: Type.String() });
export type HealthAnswer = Static<typeof HealthAnswer>;

export const KeysAnswer = Type.Object({
  keys: Type.Array(
    Type.Object({
      kid: Type.String({
        description: 'Key id: first 16 hex digits of the SHA-256 of the DER key',
      }),
      alg: Type.Literal('EdDSA'),
      publicKeyPem: Type.String(),
    }),
  ),
});
export type KeysAnswer = Static<typeof KeysAnswer>;

export const DemoAccountList = Type.Array(
  Type.Object({
    email: Type.String(),
    password: Type.String(),
    name: Type.String(),
    description: Type.String(),
  }),
);
