// The local web server (`clm serve`, and the seat port under Electron): the seat protocol hook, the login token,
// the built UI, the bridge over HTTP and SSE.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { BridgeHandlers } from '../../src-shared/bridge/contract.ts';
import { dispatch } from '../../src-shared/bridge/dispatch.ts';
import { fail, type Envelope } from '../../src-shared/envelope.ts';
import { CONTENT_SECURITY_POLICY } from '../../src-shared/csp.ts';
import { AppError } from '../../src-shared/errors.ts';
import { createBridgeHandlers } from '../bridge/handlers.ts';
import type { Core } from '../core/core.ts';
import { packageRoot } from '../core/package-root.ts';
import { EventStreams } from './events-stream.ts';
import { requestTokens, sameToken, tokenCookie } from './login-token.ts';
import {
  loopbackOnlyPage,
  TOKEN_MISSING,
  TOKEN_WRONG,
  UI_LOOPBACK_ONLY,
  unauthorizedPage,
} from './pages.ts';
import { isLoopbackAddress, isWildcardAddress } from './reach.ts';
import { serveStatic } from './static-files.ts';

export type SeatHandler = (req: IncomingMessage, res: ServerResponse) => void;

export interface LocalServerOptions {
  core: Core;
  /** The login token every route but the seat protocol needs. */
  token: string;
  /** The built renderer (default `<package>/dist/renderer`). */
  staticDir?: string;
  /**
   * Answers `/seat/v1/*` BEFORE any token check (the seat protocol has no login token; it has
   * its own bind address and rate limit). Defaults to `core.seats?.handle`.
   */
  seatHandler?: SeatHandler;
  /** The bridge's handlers (default: `createBridgeHandlers(core)`). */
  handlers?: BridgeHandlers;
  /** Period of the SSE heartbeat comments (default 15 s). */
  heartbeatMs?: number;
  /**
   * Answer the web UI and `/api/*` to network clients too. Off by default: over plain HTTP the
   * login token and cookie would cross the network in the clear, so only loopback clients get them.
   */
  exposeUi?: boolean;
}

export interface Listening {
  /** `http://host:port` of the address listened on. */
  url: string;
  port: number;
  /** The address listened on, e.g. `192.0.2.2` or `0.0.0.0`. */
  address: string;
}

export interface LocalServer {
  readonly server: Server;
  /**
   * Starts listening. On one network address with the UI loopback-only, it also listens on
   * 127.0.0.1 at the same port, so the UI stays reachable from this machine.
   */
  listen(port: number, host?: string): Promise<Listening>;
  close(): Promise<void>;
}

export const SEAT_PATH_PREFIX = '/seat/v1/';
const PUBLIC_FILES = new Set(['/refused.css', '/favicon.svg']);
export const MAX_BODY_BYTES = 1024 * 1024;

/** The one CSP, shared with the desktop shell (src-shared/csp.ts). */
export const CSP = CONTENT_SECURITY_POLICY;

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export function createLocalServer(opts: LocalServerOptions): LocalServer {
  const { core, token } = opts;
  const staticDir = opts.staticDir ?? join(packageRoot(), 'dist', 'renderer');
  const handlers = opts.handlers ?? createBridgeHandlers(core);
  const streams = new EventStreams(core, opts.heartbeatMs);

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const rawUrl = req.url ?? '/';
    // The seat protocol comes first and untouched: it is the hot path and has no login token.
    if (rawUrl.startsWith(SEAT_PATH_PREFIX) || rawUrl.split('?')[0] === '/metrics') {
      const seat = opts.seatHandler ?? core.seats?.handle?.bind(core.seats);
      if (seat) return seat(req, res);
      return sendJson(res, 503, {
        error: 'unavailable',
        message: 'The license server is not running in this process.',
      });
    }
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
    let url: URL;
    let pathname: string;
    try {
      url = new URL(rawUrl, 'http://localhost');
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return sendJson(res, 400, { error: 'bad_request', message: 'Malformed URL' });
    }
    // Before any token is looked at: a network client never gets to send or receive it.
    if (!opts.exposeUi && !isLoopbackAddress(req.socket.remoteAddress)) {
      if (PUBLIC_FILES.has(pathname) && (req.method === 'GET' || req.method === 'HEAD'))
        return serveStatic(req, res, staticDir, pathname);
      return loopbackOnly(req, res, pathname);
    }

    const given = url.searchParams.get('token');
    if (given !== null && req.method === 'GET') {
      if (!sameToken(given, token)) return unauthorized(req, res, pathname, true);
      // Trade the token in the URL for a cookie, and drop it from the address bar.
      url.searchParams.delete('token');
      res.writeHead(302, {
        'Set-Cookie': tokenCookie(token, req.socket.localPort),
        Location: url.pathname + url.search,
        'Cache-Control': 'no-store',
      });
      res.end();
      return;
    }
    // The refused page's own stylesheet and icon hold nothing secret; the page looks like the app.
    if (PUBLIC_FILES.has(pathname) && (req.method === 'GET' || req.method === 'HEAD')) {
      return serveStatic(req, res, staticDir, pathname);
    }
    if (!requestTokens(req).some((t) => sameToken(t, token))) {
      return unauthorized(req, res, pathname, false);
    }

    if (pathname.startsWith('/api/')) return api(req, res, pathname);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return sendJson(res, 405, {
        error: 'bad_request',
        message: `${req.method} is not allowed here`,
      });
    }
    serveStatic(req, res, staticDir, pathname);
  }

  function api(req: IncomingMessage, res: ServerResponse, pathname: string): void {
    if (pathname === '/api/events') {
      if (req.method !== 'GET')
        return sendJson(res, 405, { error: 'bad_request', message: 'Use GET' });
      return streams.open(req, res);
    }
    if (pathname.startsWith('/api/call/')) {
      if (req.method !== 'POST') {
        res.setHeader('Allow', 'POST');
        return sendEnvelope(
          res,
          405,
          fail(new AppError('bad_request', 'Bridge calls are POST requests')),
        );
      }
      // A cross-site form cannot set this header: the CSRF defence of every call.
      if (req.headers['x-clm-bridge'] !== '1') {
        return sendEnvelope(
          res,
          403,
          fail(new AppError('forbidden', 'Bridge calls need the header X-CLM-Bridge: 1')),
        );
      }
      void call(req, res, pathname.slice('/api/call/'.length));
      return;
    }
    sendJson(res, 404, { error: 'not_found', message: `No such route: ${pathname}` });
  }

  async function call(req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
    let input: unknown;
    try {
      const body = await readBody(req, MAX_BODY_BYTES);
      input = body.length === 0 ? {} : parseJson(body);
    } catch (err) {
      const e = AppError.from(err);
      const status = (e.details as { status?: number } | undefined)?.status ?? 400;
      return sendEnvelope(res, status, fail(new AppError(e.code, e.message)));
    }
    const answer = await dispatch(handlers, name, input);
    if (!answer.ok && answer.error.code === 'internal') {
      core.log.error('bridge call failed', { call: name, message: answer.error.message });
    }
    sendEnvelope(res, 200, answer);
  }

  function unauthorized(
    req: IncomingMessage,
    res: ServerResponse,
    pathname: string,
    wrong: boolean,
  ): void {
    const message = wrong ? TOKEN_WRONG : TOKEN_MISSING;
    const wantsHtml = pathname === '/' || (req.headers.accept ?? '').includes('text/html');
    if (pathname.startsWith('/api/call/')) {
      return sendEnvelope(res, 401, fail(new AppError('unauthorized', message)));
    }
    if (wantsHtml && !pathname.startsWith('/api/')) {
      res.writeHead(401, {
        'Content-Type': 'text/html; charset=utf-8',
        'Cache-Control': 'no-store',
      });
      res.end(req.method === 'HEAD' ? undefined : unauthorizedPage(wrong));
      return;
    }
    sendJson(res, 401, { error: 'unauthorized', message });
  }

  function loopbackOnly(req: IncomingMessage, res: ServerResponse, pathname: string): void {
    if (pathname.startsWith('/api/call/'))
      return sendEnvelope(res, 403, fail(new AppError('forbidden', UI_LOOPBACK_ONLY)));
    const wantsHtml = pathname === '/' || (req.headers.accept ?? '').includes('text/html');
    if (wantsHtml && !pathname.startsWith('/api/')) {
      res.writeHead(403, {
        'Content-Type': 'text/html; charset=utf-8',
        'Cache-Control': 'no-store',
      });
      res.end(req.method === 'HEAD' ? undefined : loopbackOnlyPage());
      return;
    }
    sendJson(res, 403, { error: 'forbidden', message: UI_LOOPBACK_ONLY });
  }

  function newServer(): Server {
    const s = createServer((req, res) => {
      try {
        handle(req, res);
      } catch (err) {
        core.log.error('local server request failed', { message: AppError.from(err).message });
        if (!res.headersSent) sendJson(res, 500, { error: 'internal', message: 'Internal error' });
        else res.destroy();
      }
    });
    s.keepAliveTimeout = 65_000;
    return s;
  }
  const server = newServer();
  /** The loopback listener next to a bind on one network address. */
  let local: Server | null = null;

  return {
    server,
    async listen(port, host = '127.0.0.1') {
      // Port 0 picks a free port on `host`; that port may be taken on loopback, so try again.
      for (let attempt = 1; ; attempt++) {
        const addr = await listenOn(server, port, host);
        const listening = {
          url: `http://${addr.address.includes(':') ? `[${addr.address}]` : addr.address}:${addr.port}`,
          port: addr.port,
          address: addr.address,
        };
        if (opts.exposeUi || isLoopbackAddress(addr.address) || isWildcardAddress(addr.address))
          return listening;
        local = newServer();
        try {
          await listenOn(local, addr.port, '127.0.0.1');
          return listening;
        } catch (err) {
          local = null;
          await new Promise((done) => server.close(done));
          const inUse = (err as { code?: string }).code === 'EADDRINUSE';
          if (port === 0 && inUse && attempt < 5) continue;
          if (!inUse) throw err;
          throw new AppError(
            'conflict',
            `Port ${addr.port} on 127.0.0.1 is in use, and this machine's web UI answers there when --bind is a network address. Choose another with --port N.`,
          );
        }
      }
    },
    async close() {
      streams.closeAll();
      await Promise.all([server, local].map((s) => (s ? closeServer(s) : undefined)));
    },
  };
}

function listenOn(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch (err) {
    throw new AppError(
      'bad_request',
      `The request body is not valid JSON: ${(err as Error).message}`,
    );
  }
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const tooLarge = new AppError(
      'bad_request',
      `The request body is over ${limit / (1024 * 1024)} MB`,
      { status: 413 },
    );
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      req.resume();
      return reject(tooLarge);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        reject(tooLarge);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

function sendEnvelope(res: ServerResponse, status: number, env: Envelope<unknown>): void {
  sendJson(res, status, env);
}
