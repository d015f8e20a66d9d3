// Seat protocol v1 over raw node:http: the hot path parses, validates with compiled schemas,
// decides in SQLite and answers, with no framework in between.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SeatService } from './service.ts';
import {
  checkCheckout,
  checkLease,
  CheckoutRequest,
  LeaseRequest,
  SEAT_PREFIX,
  seatMessages,
  whyInvalid,
  type SeatErrorCode,
} from './protocol.ts';
import { DEFAULT_RATE_LIMIT, RateLimiter, type RateLimit } from './rate-limit.ts';

export interface SeatHttpOptions {
  /** Per-client-address limit; `false` turns it off. */
  rateLimit?: RateLimit | false;
  maxBodyBytes?: number;
}

export type SeatHttpHandler = (req: IncomingMessage, res: ServerResponse) => void;

const JSON_TYPE = 'application/json; charset=utf-8';
const EMPTY = '{}';

export function createSeatHttpHandler(
  service: SeatService,
  opts: SeatHttpOptions = {},
): SeatHttpHandler {
  const limiter =
    opts.rateLimit === false ? null : new RateLimiter(opts.rateLimit ?? DEFAULT_RATE_LIMIT);
  const maxBody = opts.maxBodyBytes ?? 16 * 1024;

  function route(path: string, body: string, res: ServerResponse): void {
    let value: unknown;
    try {
      value = JSON.parse(body);
    } catch {
      return fail(res, 400, 'bad_request', seatMessages.badJson);
    }
    if (path === 'checkout') {
      if (!checkCheckout.Check(value))
        return fail(
          res,
          400,
          'bad_request',
          whyInvalid(CheckoutRequest, 'checkout request', value),
        );
      const r = service.checkout(value);
      if (r.ok)
        return send(
          res,
          200,
          `{"leaseId":"${r.leaseId}","product":${JSON.stringify(r.product)},"expiresAt":"${new Date(r.expiresAt).toISOString()}","heartbeatSeconds":${r.heartbeatSeconds}}`,
        );
      return fail(res, r.error === 'no_seat' ? 409 : 404, r.error, r.message);
    }
    if (!checkLease.Check(value))
      return fail(res, 400, 'bad_request', whyInvalid(LeaseRequest, `${path} request`, value));
    if (path === 'heartbeat') {
      const r = service.heartbeat(value.leaseId);
      if (r.ok) return send(res, 200, `{"expiresAt":"${new Date(r.expiresAt).toISOString()}"}`);
      return fail(res, 410, r.error, r.message);
    }
    service.release(value.leaseId);
    send(res, 200, EMPTY);
  }

  return function seatHandler(req, res) {
    try {
      const url = req.url ?? '';
      const q = url.indexOf('?');
      const path = (q < 0 ? url : url.slice(0, q)).slice(SEAT_PREFIX.length);
      if (limiter) {
        const wait = limiter.take(req.socket.remoteAddress ?? '');
        if (wait > 0) {
          res.setHeader('Retry-After', String(wait));
          return fail(res, 429, 'rate_limited', seatMessages.rateLimited(wait));
        }
      }
      if (path === 'status') {
        if (req.method !== 'GET' && req.method !== 'HEAD')
          return notAllowed(res, 'GET', req.method, url);
        return send(res, 200, JSON.stringify(service.status()));
      }
      if (path !== 'checkout' && path !== 'heartbeat' && path !== 'release')
        return fail(res, 404, 'not_found', seatMessages.notFound(req.method ?? 'GET', url));
      if (req.method !== 'POST') return notAllowed(res, 'POST', req.method, url);
      readBody(req, res, maxBody, (body) => {
        try {
          route(path, body, res);
        } catch (err) {
          internal(res, err);
        }
      });
    } catch (err) {
      internal(res, err);
    }
  };
}

function readBody(
  req: IncomingMessage,
  res: ServerResponse,
  max: number,
  done: (body: string) => void,
): void {
  let body = '';
  let tooLarge = false;
  req.setEncoding('utf8');
  req.on('data', (chunk: string) => {
    if (tooLarge) return;
    body += chunk;
    if (body.length > max) {
      tooLarge = true;
      res.setHeader('Connection', 'close');
      fail(res, 413, 'payload_too_large', seatMessages.tooLarge(max));
    }
  });
  req.on('end', () => {
    if (!tooLarge) done(body);
  });
}

function notAllowed(
  res: ServerResponse,
  allow: string,
  method: string | undefined,
  url: string,
): void {
  res.setHeader('Allow', allow);
  fail(res, 405, 'method_not_allowed', `Use ${allow} for ${url}, not ${method ?? '?'}.`);
}

function internal(res: ServerResponse, err: unknown): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const message = err instanceof Error ? err.message : String(err);
  fail(res, 500, 'internal', `The license server failed: ${message}`);
}

function fail(res: ServerResponse, status: number, error: SeatErrorCode, message: string): void {
  send(res, status, JSON.stringify({ error, message }));
}

function send(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, {
    'Content-Type': JSON_TYPE,
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
  });
  res.end(body);
}
