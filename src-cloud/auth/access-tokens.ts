// Short-lived access tokens: compact JWS (EdDSA) over {sub, sid, iat, exp}, signed with the server key.
import { sign, verify } from 'node:crypto';
import { AppError } from '../../src-shared/errors.ts';
import type { SigningKey } from './signing-key.ts';

export const ACCESS_TOKEN_SECONDS = 15 * 60;

export interface AccessClaims {
  /** Account id. */
  sub: string;
  /** Refresh-token family (the sign-in session) the token belongs to. */
  sid: string;
  iat: number;
  exp: number;
}

const b64 = (v: Buffer | string) => Buffer.from(v).toString('base64url');

export function issueAccessToken(
  key: SigningKey,
  accountId: string,
  sessionId: string,
  now: number,
): { token: string; expiresAt: string } {
  const iat = Math.floor(now / 1000);
  const claims: AccessClaims = {
    sub: accountId,
    sid: sessionId,
    iat,
    exp: iat + ACCESS_TOKEN_SECONDS,
  };
  const head = b64(JSON.stringify({ alg: 'EdDSA', typ: 'JWT', kid: key.kid }));
  const body = b64(JSON.stringify(claims));
  const sig = sign(null, Buffer.from(`${head}.${body}`), key.privateKey);
  return {
    token: `${head}.${body}.${b64(sig)}`,
    expiresAt: new Date(claims.exp * 1000).toISOString(),
  };
}

const unauthorized = (why: string) => new AppError('unauthorized', why);

/** The token's claims, or an `unauthorized` AppError saying why it is refused. */
export function verifyAccessToken(key: SigningKey, token: string, now: number): AccessClaims {
  const parts = token.split('.');
  if (parts.length !== 3) throw unauthorized('The access token is malformed.');
  const [head, body, sig] = parts as [string, string, string];
  const good = verify(
    null,
    Buffer.from(`${head}.${body}`),
    key.publicKey,
    Buffer.from(sig, 'base64url'),
  );
  if (!good) throw unauthorized('The access token signature is not valid.');
  let claims: AccessClaims;
  try {
    claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as AccessClaims;
  } catch {
    throw unauthorized('The access token is malformed.');
  }
  if (
    typeof claims.sub !== 'string' ||
    typeof claims.sid !== 'string' ||
    typeof claims.exp !== 'number'
  )
    throw unauthorized('The access token is malformed.');
  if (claims.exp * 1000 <= now) throw unauthorized('The access token has expired; refresh it.');
  return claims;
}
