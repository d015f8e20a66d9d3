// The signed document (envelope) and the payloads it carries: entitlements (online and the
// offline .crt) and activation request files (docs/activation.md "Formats").
import Type from 'typebox';
import type { Static } from 'typebox';

export const DOCUMENT_MARK = 'clm-signed-document';
export const DOCUMENT_VERSION = 1;
/** Entitlements are valid this long unless the cloud says otherwise (issue 12). */
export const ENTITLEMENT_VALID_MS = 7 * 24 * 3600_000;
/** A server asks for a new entitlement once this much of it has passed. */
export const ENTITLEMENT_RENEW_MS = 24 * 3600_000;

const Time = Type.String({ minLength: 20, maxLength: 30, description: 'ISO-8601 UTC' });
const Id = Type.String({ minLength: 1, maxLength: 100 });
export const Fingerprint = Type.String({ pattern: '^[0-9a-f]{4}(-[0-9a-f]{4}){7}$' });
export const PublicKeyPem = Type.String({
  minLength: 40,
  maxLength: 400,
  pattern: '^-----BEGIN PUBLIC KEY-----',
});

export const SignedEnvelope = Type.Object(
  {
    format: Type.Literal(DOCUMENT_MARK),
    version: Type.Integer(),
    kid: Type.String({ minLength: 1, maxLength: 80 }),
    payload: Type.Object({ kind: Type.String() }),
    payloadSha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
    signature: Type.String({ minLength: 1, maxLength: 200 }),
    /** The signer's public key, for a first contact (trust on first use, docs/activation.md). */
    publicKeyPem: Type.Optional(PublicKeyPem),
  },
  { additionalProperties: false },
);
export type SignedEnvelope = Static<typeof SignedEnvelope>;

export const EntitledSeat = Type.Object(
  {
    product: Type.String({ minLength: 1, maxLength: 100 }),
    name: Type.String({ maxLength: 200 }),
    total: Type.Integer({ minimum: 0, maximum: 1_000_000 }),
  },
  { additionalProperties: false },
);

export const EntitlementPayload = Type.Object(
  {
    kind: Type.Literal('entitlement'),
    id: Id,
    serverId: Id,
    fingerprint: Fingerprint,
    account: Type.String({ minLength: 1, maxLength: 254 }),
    /** Whose seats: the organization's unassigned ones, or the account's own (§3). */
    whose: Type.Union([Type.Literal('organization'), Type.Literal('own')]),
    mode: Type.Union([Type.Literal('online'), Type.Literal('offline')]),
    name: Type.String({ maxLength: 100 }),
    seats: Type.Array(EntitledSeat, { maxItems: 500 }),
    issuedAt: Time,
    validUntil: Time,
    renewAfter: Time,
  },
  { additionalProperties: false },
);
export type EntitlementPayload = Static<typeof EntitlementPayload>;

export const ActivationRequestPayload = Type.Object(
  {
    kind: Type.Literal('activation-request'),
    fingerprint: Fingerprint,
    publicKeyPem: PublicKeyPem,
    name: Type.String({ maxLength: 100 }),
    host: Type.String({ maxLength: 255 }),
    nonce: Type.String({ pattern: '^[0-9a-f]{32}$' }),
    createdAt: Time,
  },
  { additionalProperties: false },
);
export type ActivationRequestPayload = Static<typeof ActivationRequestPayload>;

/** A borrowed seat (docs/requirements.md §7, docs/activation.md "Borrows"): bound to one machine, until `validUntil`. */
export const BorrowPayload = Type.Object(
  {
    kind: Type.Literal('borrow'),
    /** The cloud's borrow record; borrowing again before the end extends it under the same id. */
    id: Id,
    fingerprint: Fingerprint,
    account: Type.String({ minLength: 1, maxLength: 254 }),
    product: Type.String({ minLength: 1, maxLength: 100 }),
    name: Type.String({ maxLength: 200 }),
    quantity: Type.Integer({ minimum: 1, maximum: 1000 }),
    issuedAt: Time,
    validUntil: Time,
  },
  { additionalProperties: false },
);
export type BorrowPayload = Static<typeof BorrowPayload>;

export const payloadSchemas = {
  entitlement: EntitlementPayload,
  'activation-request': ActivationRequestPayload,
  borrow: BorrowPayload,
} as const;
export type PayloadKind = keyof typeof payloadSchemas;
export type PayloadOf<K extends PayloadKind> = Static<(typeof payloadSchemas)[K]>;
