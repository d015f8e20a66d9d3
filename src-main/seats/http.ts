// Seat protocol v1 over raw node:http: the hot path parses, validates with compiled schemas,
// decides in SQLite and answers, with no framework in between.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SeatService } from './service.ts';
import type { LeaseOp, LeaseOpResult } from './types.ts';
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
import { browserRefusal, ownNames } from './browser-guard.ts';
import { DEFAULT_RATE_LIMIT, RateLimiter, type RateLimit } from './rate-limit.ts';

export interface SeatHttpOptions {
  /** Per-client-address limit; `false` turns it off. */
  rateLimit?: RateLimit | false;
  maxBodyBytes?: number;
  /** Host names besides this machine's own that clients may use (DNS names of the server). */
  hostNames?: string[];
}

export const METRICS_PATH = '/metrics';

export type SeatHttpHandler = (req: IncomingMessage, res: ServerResponse) => void;

const JSON_TYPE = 'application/json; charset=utf-8';
const EMPTY = '{}';

export function createSeatHttpHandler(
  service: SeatService,
  opts: SeatHttpOptions = {},
): SeatHttpHandler {
  const limit = opts.rateLimit === false ? null : (opts.rateLimit ?? DEFAULT_RATE_LIMIT);
  const limiter = limit ? new RateLimiter(limit) : null;
  const maxBody = opts.maxBodyBytes ?? 16 * 1024;
  const names = ownNames(opts.hostNames);

  // Lease changes that arrive in the same event-loop turn are committed together (group
  // commit) and answered after that one commit.
  let ops: LeaseOp[] = [];
  let waiting: ServerResponse[] = [];
  let scheduled = false;

  function enqueue(op: LeaseOp, res: ServerResponse): void {
    ops.push(op);
    waiting.push(res);
    if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
  }

  function flush(): void {
    const batch = ops;
    const out = waiting;
    ops = [];
    waiting = [];
    scheduled = false;
    let results: LeaseOpResult[];
    try {
      results = service.applyBatch(batch);
    } catch (err) {
      for (const res of out) internal(res, err);
      return;
    }
    for (let i = 0; i < out.length; i++)
      answer(batch[i] as LeaseOp, results[i], out[i] as ServerResponse);
  }

  function route(path: string, body: string, res: ServerResponse, address: string): void {
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
      return enqueue({ kind: 'checkout', body: { ...value, address } }, res);
    }
    if (!checkLease.Check(value))
      return fail(res, 400, 'bad_request', whyInvalid(LeaseRequest, `${path} request`, value));
    enqueue({ kind: path === 'heartbeat' ? 'heartbeat' : 'release', leaseId: value.leaseId }, res);
  }

  return function seatHandler(req, res) {
    try {
      const url = req.url ?? '';
      const q = url.indexOf('?');
      const full = q < 0 ? url : url.slice(0, q);
      const path = full.slice(SEAT_PREFIX.length);
      const refused = browserRefusal(req, names);
      if (refused) return fail(res, refused.status, refused.error, refused.message);
      if (limiter) {
        const wait = limiter.take(req.socket.remoteAddress ?? '');
        if (wait > 0) {
          res.setHeader('Retry-After', String(wait));
          return fail(res, 429, 'rate_limited', seatMessages.rateLimited(wait));
        }
      }
      if (full === METRICS_PATH) {
        if (req.method !== 'GET' && req.method !== 'HEAD')
          return notAllowed(res, 'GET', req.method, url);
        return send(res, 200, service.metrics(), 'text/plain; version=0.0.4; charset=utf-8');
      }
      if (path === 'status') {
        if (req.method !== 'GET' && req.method !== 'HEAD')
          return notAllowed(res, 'GET', req.method, url);
        return send(res, 200, JSON.stringify({ ...service.status(), rateLimit: limit }));
      }
      if (path !== 'checkout' && path !== 'heartbeat' && path !== 'release')
        return fail(res, 404, 'not_found', seatMessages.notFound(req.method ?? 'GET', url));
      if (req.method !== 'POST') return notAllowed(res, 'POST', req.method, url);
      readBody(req, res, maxBody, (body) => {
        try {
          route(path, body, res, req.socket.remoteAddress ?? '');
        } catch (err) {
          internal(res, err);
        }
      });
    } catch (err) {
      internal(res, err);
    }
  };
}

function answer(op: LeaseOp, r: LeaseOpResult | undefined, res: ServerResponse): void {
  if (!r || r instanceof Error) return internal(res, r ?? new Error('no answer'));
  if (op.kind === 'release') return send(res, 200, EMPTY);
  if (r.ok) {
    if ('leaseId' in r)
      return send(
        res,
        200,
        `{"leaseId":"${r.leaseId}","product":${JSON.stringify(r.product)},"expiresAt":"${new Date(r.expiresAt).toISOString()}","heartbeatSeconds":${r.heartbeatSeconds}}`,
      );
    if ('expiresAt' in r)
      return send(
        res,
        200,
        `{"expiresAt":"${new Date(r.expiresAt).toISOString()}"${r.revived ? ',"revived":true' : ''}}`,
      );
    return send(res, 200, EMPTY);
  }
  if (r.error === 'queued') {
    const { ok: _ok, error: _e, ...rest } = r;
    return send(res, 202, JSON.stringify({ queued: true, ...rest }));
  }
  const status =
    r.error === 'no_seat'
      ? 409
      : r.error === 'unknown_product'
        ? 404
        : r.error === 'denied'
          ? 403
          : 410;
  if ('rule' in r && r.rule !== undefined)
    return send(res, status, JSON.stringify({ error: r.error, message: r.message, rule: r.rule }));
  fail(res, status, r.error, r.message);
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

function send(res: ServerResponse, status: number, body: string, type = JSON_TYPE): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
  });
  res.end(body);
}
