// Load generator process (autocannon): CONNECTIONS keep-alive sockets, each looping checkout →
// heartbeat → release; prints {requests, seconds, rps, p50, p99, errors} as one JSON line.
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';

interface Req {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (req: Req, ctx: Ctx) => Req;
  onResponse?: (status: number, body: string, ctx: Ctx) => void;
}
interface Ctx {
  leaseId?: string;
}
interface Result {
  requests: { total: number };
  duration: number;
  latency: { p50: number; p99: number };
  errors: number;
  non2xx: number;
}
type Autocannon = (opts: {
  url: string;
  connections: number;
  duration: number;
  requests: Req[];
}) => Promise<Result>;

const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;
const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    connections: { type: 'string', default: '200' },
    duration: { type: 'string', default: '4' },
    warmup: { type: 'string', default: '1' },
  },
});

let seq = 0;
const json = { 'content-type': 'application/json' };
const leaseBody = (req: Req, ctx: Ctx): Req => ({ ...req, body: `{"leaseId":"${ctx.leaseId}"}` });
const requests: Req[] = [
  {
    method: 'POST',
    path: '/seat/v1/checkout',
    headers: json,
    setupRequest: (req) => {
      const n = seq++;
      return {
        ...req,
        body: `{"product":"vray","user":"artist${n % 1000}","host":"rendernode-${n % 1000}","clientId":"client-${n}"}`,
      };
    },
    onResponse: (_status, body, ctx) => {
      ctx.leaseId = (JSON.parse(body) as { leaseId: string }).leaseId;
    },
  },
  { method: 'POST', path: '/seat/v1/heartbeat', headers: json, setupRequest: leaseBody },
  { method: 'POST', path: '/seat/v1/release', headers: json, setupRequest: leaseBody },
];

const url = values.url ?? '';
const connections = Number(values.connections);
await autocannon({ url, connections, duration: Number(values.warmup), requests });
const r = await autocannon({ url, connections, duration: Number(values.duration), requests });
console.log(
  JSON.stringify({
    requests: r.requests.total,
    seconds: r.duration,
    rps: r.requests.total / r.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.non2xx,
  }),
);
