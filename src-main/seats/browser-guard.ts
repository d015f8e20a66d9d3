// Closes the seat port to web pages (docs/seat-protocol.md, "Requests from web pages"). A page
// in a browser can send a cross-site "simple" POST (text/plain or form-encoded, no preflight)
// to any address, or rebind its own host name to 127.0.0.1; render apps and curl send JSON,
// no Origin, and a Host that is an address or a name of this machine. So refuse: a POST body
// that is not JSON, an Origin other than the server's own, a cross-site fetch, and a Host that
// is a name this machine does not answer to (DNS rebinding).
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import { hostname } from 'node:os';
import type { SeatErrorCode } from './protocol.ts';

export interface Refusal {
  status: number;
  error: SeatErrorCode;
  message: string;
}

/** The names this machine answers to; IP literals always pass (a rebinding page has a name). */
export function ownNames(extra: string[] = []): Set<string> {
  const h = hostname().toLowerCase();
  const short = h.split('.')[0] ?? h;
  return new Set(['localhost', h, short, `${short}.local`, ...extra.map((e) => e.toLowerCase())]);
}

function hostOnly(hostHeader: string): string {
  const h = hostHeader.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(1, h.indexOf(']'));
  const colon = h.lastIndexOf(':');
  return colon > 0 && h.indexOf(':') === colon ? h.slice(0, colon) : h;
}

function knownHost(host: string, names: Set<string>): boolean {
  return isIP(host) !== 0 || names.has(host) || host.endsWith('.localhost');
}

function originHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

export function browserRefusal(req: IncomingMessage, names: Set<string>): Refusal | null {
  const hostHeader = req.headers.host;
  if (hostHeader !== undefined && !knownHost(hostOnly(hostHeader), names))
    return {
      status: 421,
      error: 'forbidden_origin',
      message: `Refused: "${hostHeader}" is not a name of this license server (a web page's DNS rebinding?). Use its address, or start it with the name allowed.`,
    };
  const origin = req.headers.origin;
  if (origin !== undefined) {
    const same = hostHeader !== undefined && originHost(origin) === hostHeader.toLowerCase();
    if (!same)
      return {
        status: 403,
        error: 'forbidden_origin',
        message: `Refused: a request from the web page ${origin}. The seat protocol answers render apps and tools, not web pages.`,
      };
  }
  const site = req.headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site')
    return {
      status: 403,
      error: 'forbidden_origin',
      message:
        'Refused: a cross-site request from a web page. The seat protocol answers render apps and tools, not web pages.',
    };
  if (req.method === 'POST') {
    const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/json')
      return {
        status: 415,
        error: 'unsupported_media_type',
        message: `Refused: the body must be sent as Content-Type: application/json, not "${req.headers['content-type'] ?? 'none'}".`,
      };
  }
  return null;
}
