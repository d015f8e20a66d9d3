// Benchmark server process: `--mode seat` runs the real seat protocol (durable SQLite leases),
// `--mode bare` a bare node:http server answering the same request and answer sizes.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { startSeatServer } from '../../src-main/seats/standalone.ts';

const { values } = parseArgs({
  options: { mode: { type: 'string', default: 'seat' }, data: { type: 'string' } },
});

if (values.mode === 'bare') {
  // Same sizes as the seat server's answers, byte for byte.
  const answers: Record<string, string> = {
    '/seat/v1/checkout': `{"leaseId":"${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}","product":"vray","expiresAt":"${new Date().toISOString()}","heartbeatSeconds":60}`,
    '/seat/v1/heartbeat': `{"expiresAt":"${new Date().toISOString()}"}`,
    '/seat/v1/release': '{}',
  };
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      const out = answers[req.url ?? ''] ?? '{}';
      res.writeHead(200, {
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Length': Buffer.byteLength(out),
        'Cache-Control': 'no-store',
      });
      res.end(out);
    });
  });
  server.keepAliveTimeout = 65_000;
  server.listen(0, '127.0.0.1', () => {
    console.log(`listening on http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  });
} else {
  if (!values.data) throw new Error('--data is required');
  const s = await startSeatServer({
    dataDir: values.data,
    seats: [{ product: 'vray', name: 'V-Ray', total: 100_000 }],
    // The limiter stays on (its cost is part of the hot path) with a limit this client never hits.
    rateLimit: { perSecond: 1e9, burst: 1e9 },
  });
  console.log(`listening on ${s.url}`);
}

// A clean exit lets `--cpu-prof` write its profile when the bench stops the server.
process.on('SIGTERM', () => process.exit(0));
