// The local server's login token (clm serve's web UI): generated at start, compared in constant time, carried by a cookie.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_COOKIE = 'clm_token';

/** 32 random bytes, hex: printed once at start, as Jupyter does. */
export function newLoginToken(): string {
  return randomBytes(32).toString('hex');
}

export function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!header) return out;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    if (name && !(name in out)) out[name] = part.slice(eq + 1).trim();
  }
  return out;
}

/**
 * The token a request carries: `Authorization: Bearer T` or a `clm_token_<port>` cookie.
 * Browsers share cookies across the ports of one host, so each server names its own cookie.
 */
export function requestTokens(req: IncomingMessage): string[] {
  const found: string[] = [];
  const auth = req.headers.authorization;
  const bearer = auth ? /^Bearer\s+(\S+)$/i.exec(auth)?.[1] : undefined;
  if (bearer) found.push(bearer);
  const cookie = parseCookies(req.headers.cookie)[cookieName(req.socket.localPort)];
  if (cookie) found.push(cookie);
  return found;
}

export function cookieName(port: number | undefined): string {
  return `${TOKEN_COOKIE}_${port ?? 0}`;
}

export function tokenCookie(token: string, port: number | undefined): string {
  return `${cookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`;
}
