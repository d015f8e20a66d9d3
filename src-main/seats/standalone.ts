// A seat server on its own (no UI, no cloud): the seat protocol over node:http with a fixed
// pool. Tests and the benchmark run it as a real process; `clm serve` embeds the same handler.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSeatHttpHandler, METRICS_PATH, type SeatHttpOptions } from './http.ts';
import { CachedSeatSource } from './pool.ts';
import { SEAT_PREFIX } from './protocol.ts';
import { RulesFile } from './rules-file.ts';
import { SeatService, type SourceSeat } from './service.ts';
import type { SeatServiceOptions } from './types.ts';

export interface SeatServerOptions extends SeatServiceOptions, SeatHttpOptions {
  port?: number;
  host?: string;
  /** A fixed pool, e.g. from `--pool vray=5,phoenix=2`. */
  seats?: SourceSeat[];
  /** The operator's access rules file; loaded at start (a bad one is an error) and watched. */
  rulesFile?: string;
}

export interface RunningSeatServer {
  url: string;
  service: SeatService;
  server: Server;
  rules: RulesFile | null;
  close(): Promise<void>;
}

export async function startSeatServer(opts: SeatServerOptions): Promise<RunningSeatServer> {
  const service = new SeatService(opts);
  const fixed = new CachedSeatSource(service.pool.cache, 'fixed');
  if (opts.seats) fixed.set(opts.seats);
  service.addSource(fixed);
  const rules = opts.rulesFile ? new RulesFile(opts.rulesFile, service).start() : null;
  const handler = createSeatHttpHandler(service, opts);
  const server = createServer((req, res) => {
    const url = req.url ?? '';
    if (url.startsWith(SEAT_PREFIX) || url.split('?')[0] === METRICS_PATH) return handler(req, res);
    res.writeHead(404, { 'Content-Type': 'application/json' });
    res.end('{"error":"not_found","message":"Only the seat protocol is served here."}');
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  const host = opts.host ?? '127.0.0.1';
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    service,
    server,
    rules,
    close: () =>
      new Promise<void>((resolve) => {
        rules?.close();
        server.closeAllConnections();
        server.close(() => void service.close().then(resolve));
      }),
  };
}

/** Parses `vray=5,phoenix=2` into pool seats. */
export function parsePoolSpec(spec: string): SourceSeat[] {
  return spec
    .split(',')
    .filter(Boolean)
    .map((part) => {
      const [product, total] = part.split('=');
      const n = Number(total);
      if (!product || !Number.isInteger(n) || n < 0)
        throw new Error(`Bad pool entry "${part}": use product=seats`);
      return { product, name: product, total: n };
    });
}
