// The injected wall clock set back a day suspends the borrowed seats, and
// a checkout over the seat protocol answers 409 with the clock's reason; the record survives a
// restart; moving the clock past the record restores the seats (docs/activation.md "Clock guard").
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { manualClock } from '../../src-shared/clock.ts';
import { startTestCloud, type TestCloud } from '../cloud/helpers.ts';
import { removeTempDirs } from '../core/helpers.ts';
import { ADMIN, PASSWORD, openServer, type TestServer } from '../activation/helpers.ts';

const DAY = 24 * 3600_000;
const clock = manualClock(Date.now());
let cloud: TestCloud;
let central: TestServer;
let laptop: TestServer;
let http: Server;
let url: string;
let borrowedAt: number;

async function listen(s: TestServer): Promise<void> {
  http = createServer((req, res) => s.core.seats?.handle?.(req, res));
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
}

async function checkout(
  clientId: string,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${url}/seat/v1/checkout`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ product: 'vray-3dsmax', user: 'ana', host: 'ws-1', clientId }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const closeHttp = () => new Promise<void>((r) => http.close(() => r()));

before(async () => {
  cloud = await startTestCloud({ clock });
  central = await openServer(cloud.url, clock);
  await central.seats.activation.activate(ADMIN, PASSWORD);
  laptop = await openServer(cloud.url, clock);
  await laptop.seats.activation.activate(ADMIN, PASSWORD);
  await laptop.seats.borrow.borrow('vray-3dsmax', 7);
  borrowedAt = clock();
  await listen(laptop);
});
after(async () => {
  await closeHttp();
  await laptop.close();
  await central.close();
  await cloud.close();
  removeTempDirs();
});

test('the borrowed seat serves while the clock moves forward', async () => {
  clock.advance(3 * 3600_000);
  const out = await checkout('a');
  assert.equal(out.status, 200, JSON.stringify(out.body));
  await fetch(`${url}/seat/v1/release`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ leaseId: out.body.leaseId }),
  });
});

test('a clock set back a day suspends it: 409 with the clock reason', async () => {
  clock.set(borrowedAt - DAY);
  const out = await checkout('b');
  assert.equal(out.status, 409, JSON.stringify(out.body));
  assert.equal(out.body.error, 'no_seat');
  assert.match(
    String(out.body.message),
    /^Borrowed seats are suspended: this machine's clock \(.+\) is behind the latest trusted time \(.+\), so it was set back\. Set the clock right, or connect to the cloud, and they serve again\.$/,
  );
  const list = laptop.seats.borrow.list();
  assert.equal(list.borrows.length, 1, 'suspended, not dropped');
  assert.ok(list.suspended);
});

test('the record survives a restart with the clock still set back', async () => {
  await closeHttp();
  const dataDir = laptop.dataDir;
  await laptop.close();
  laptop = await openServer(cloud.url, clock, { dataDir });
  await laptop.seats.borrow.ready;
  await listen(laptop);
  const out = await checkout('c');
  assert.equal(out.status, 409, JSON.stringify(out.body));
  assert.match(String(out.body.message), /^Borrowed seats are suspended/);
});

test('moving the clock past the record restores the borrowed seat', async () => {
  clock.set(borrowedAt + 4 * 3600_000);
  const out = await checkout('d');
  assert.equal(out.status, 200, JSON.stringify(out.body));
  assert.equal(laptop.seats.borrow.list().suspended, null);
});
