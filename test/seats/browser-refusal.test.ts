// The seat port refuses what a browser could send on a web page's behalf (docs/seat-protocol.md,
// "Requests from web pages"); a render app's request (JSON, no Origin) and curl's keep working.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { startSeatServer, type RunningSeatServer } from '../../src-main/seats/standalone.ts';
import type { SeatStatus } from '../../src-shared/bridge/calls/seats.ts';
import { rawRequest, tempDir, type RawReply } from './helpers.ts';

const dir = tempDir();
let s: RunningSeatServer;
before(async () => {
  s = await startSeatServer({
    dataDir: dir.dir,
    seats: [{ product: 'vray', name: 'V-Ray', total: 5 }],
    rateLimit: false,
    reapIntervalMs: 0,
    sampleIntervalMs: 0,
  });
});
after(async () => {
  await s.close();
  dir.remove();
});

function send(path: string, headers: Record<string, string>, body?: string): Promise<RawReply> {
  const u = new URL(s.url);
  const method = body === undefined ? 'GET' : 'POST';
  return rawRequest({ host: u.hostname, port: u.port, path, method, headers }, body);
}

const checkout = JSON.stringify({ product: 'vray', user: 'u', host: 'h', clientId: 'c' });

async function inUse(): Promise<number> {
  const st = await send('/seat/v1/status', {});
  return (st.body as unknown as SeatStatus).products[0]?.inUse ?? -1;
}

const refused: [string, Record<string, string>, string, number, string][] = [
  [
    'text/plain (a cross-site simple request)',
    { 'content-type': 'text/plain', origin: 'https://evil.example' },
    checkout,
    403,
    'forbidden_origin',
  ],
  [
    'text/plain without an Origin',
    { 'content-type': 'text/plain' },
    checkout,
    415,
    'unsupported_media_type',
  ],
  [
    'form-encoded',
    { 'content-type': 'application/x-www-form-urlencoded' },
    `${checkout}=`,
    415,
    'unsupported_media_type',
  ],
  [
    'JSON from a foreign Origin',
    { 'content-type': 'application/json', origin: 'https://evil.example' },
    checkout,
    403,
    'forbidden_origin',
  ],
  [
    'JSON with a foreign Host (DNS rebinding)',
    { 'content-type': 'application/json', host: 'evil.example:30304' },
    checkout,
    421,
    'forbidden_origin',
  ],
  [
    'a cross-site fetch',
    { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' },
    checkout,
    403,
    'forbidden_origin',
  ],
];

for (const [name, headers, body, status, error] of refused)
  test(`refused: ${name} answers ${status} and grants nothing`, async () => {
    const r = await send('/seat/v1/checkout', headers, body);
    assert.equal(r.status, status);
    assert.equal(r.body.error, error);
    assert.match(String(r.body.message), /^Refused: /);
    assert.equal(await inUse(), 0);
  });

test('a foreign Origin cannot read the status either', async () => {
  const r = await send('/seat/v1/status', { origin: 'https://evil.example' });
  assert.equal(r.status, 403);
});

test("a render app's checkout (JSON, no Origin, the server's address or localhost) is granted", async () => {
  const a = await send('/seat/v1/checkout', { 'content-type': 'application/json' }, checkout);
  assert.equal(a.status, 200);
  const port = new URL(s.url).port;
  const b = await send(
    '/seat/v1/checkout',
    { 'content-type': 'application/json; charset=utf-8', host: `localhost:${port}` },
    JSON.stringify({ product: 'vray', user: 'u2', host: 'h2', clientId: 'c2' }),
  );
  assert.equal(b.status, 200);
  assert.equal(await inUse(), 2);
});
