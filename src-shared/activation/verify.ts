// Verifies a signed document check by check and names the first one that fails. The crypto is
// given (node:crypto in src-main and src-cloud) so the rule itself stays pure (docs/activation.md).
import { problems } from '../schema.ts';
import { canonicalBytes } from './canonical.ts';
import {
  DOCUMENT_MARK,
  DOCUMENT_VERSION,
  payloadSchemas,
  SignedEnvelope,
  type PayloadKind,
  type PayloadOf,
} from './formats.ts';
import { MAX_DOCUMENT_BYTES, refusal, refusalMessages as m, type Refusal } from './reasons.ts';

export interface DocumentCrypto {
  sha256Hex(bytes: Uint8Array): string;
  /** Ed25519 over `bytes` with the SPKI PEM key; false (never a throw) when it does not verify. */
  verify(bytes: Uint8Array, signatureBase64: string, publicKeyPem: string): boolean;
}

export interface TrustedKey {
  kid: string;
  publicKeyPem: string;
}

export interface VerifyOptions<K extends PayloadKind> {
  kind: K;
  crypto: DocumentCrypto;
  /** The pinned key; for a request file, null: it is checked against its own public key. */
  key: TrustedKey | null;
  /** This machine's fingerprint, when the document must be for it. */
  fingerprint?: string;
  /** The clock's time (ms), when the document has a validity. */
  now?: number;
}

export type Verified<K extends PayloadKind> =
  { ok: true; payload: PayloadOf<K>; envelope: SignedEnvelope } | { ok: false; refusal: Refusal };

/** The future a document may be dated in (clocks of two machines differ a little). */
const CLOCK_SKEW_MS = 5 * 60_000;

function fail(code: Refusal['code'], message: string): { ok: false; refusal: Refusal } {
  return { ok: false, refusal: refusal(code, message) };
}

/** Parses and verifies `text`; refusals name the check that failed, in a fixed order. */
export function verifyDocument<K extends PayloadKind>(
  text: string,
  opts: VerifyOptions<K>,
): Verified<K> {
  const bytes = new TextEncoder().encode(text).length;
  if (text.trim() === '') return fail('empty', m.empty());
  if (bytes > MAX_DOCUMENT_BYTES) return fail('oversized', m.oversized(bytes));
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return fail('garbage', m.garbage());
  }
  const o = json as Record<string, unknown> | null;
  if (typeof o !== 'object' || o === null || Array.isArray(o) || o.format !== DOCUMENT_MARK)
    return fail('garbage', m.garbage());
  if (o.version !== DOCUMENT_VERSION) return fail('unknown_version', m.unknownVersion(o.version));
  const bad = problems(SignedEnvelope, o);
  if (bad.length) return fail('malformed', m.malformed(bad.map((p) => p.message).join('; ')));
  const env = o as SignedEnvelope;
  if (env.payload.kind !== opts.kind)
    return fail('malformed', m.malformed(`it is a ${env.payload.kind}, not a ${opts.kind}`));
  const badPayload = problems(payloadSchemas[opts.kind], env.payload);
  if (badPayload.length)
    return fail('malformed', m.malformed(badPayload.map((p) => p.message).join('; ')));
  const signed = canonicalBytes(env.payload);
  if (opts.crypto.sha256Hex(signed) !== env.payloadSha256)
    return fail('payload_tampered', m.payloadTampered());
  const payload = env.payload as PayloadOf<K>;
  const key =
    opts.key ??
    ('publicKeyPem' in payload ? { kid: env.kid, publicKeyPem: payload.publicKeyPem } : null);
  if (!key) return fail('unknown_key', m.unknownKey(env.kid, 'none'));
  if (env.kid !== key.kid) return fail('unknown_key', m.unknownKey(env.kid, key.kid));
  if (!opts.crypto.verify(signed, env.signature, key.publicKeyPem))
    return fail('signature_invalid', m.signatureInvalid());
  if (opts.fingerprint !== undefined && 'fingerprint' in payload) {
    if (payload.fingerprint !== opts.fingerprint)
      return fail('other_machine', m.otherMachine(payload.fingerprint, opts.fingerprint));
  }
  if (opts.now !== undefined && 'validUntil' in payload) {
    if (Date.parse(payload.issuedAt) > opts.now + CLOCK_SKEW_MS)
      return fail('not_yet_valid', m.notYetValid(payload.issuedAt));
    if (Date.parse(payload.validUntil) <= opts.now)
      return fail('expired', m.expired(payload.validUntil));
  }
  return { ok: true, payload, envelope: env };
}

/** The envelope around `payload`, given the signer (the cloud, or the machine for a request). */
export function envelopeOf(
  payload: { kind: string },
  kid: string,
  crypto: { sha256Hex(bytes: Uint8Array): string; sign(bytes: Uint8Array): string },
  publicKeyPem?: string,
): string {
  const bytes = canonicalBytes(payload);
  const env: SignedEnvelope = {
    format: DOCUMENT_MARK,
    version: DOCUMENT_VERSION,
    kid,
    payload,
    payloadSha256: crypto.sha256Hex(bytes),
    signature: crypto.sign(bytes),
    ...(publicKeyPem ? { publicKeyPem } : {}),
  };
  return `${JSON.stringify(env, null, 2)}\n`;
}
