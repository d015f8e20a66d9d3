// With the cloud stopped the server serves its verified entitlement until
// it expires (the clock is moved, never slept on); then its seats leave the pool, a lease on them
// gets 410 at its next heartbeat, and `clm status` says why and what to do.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { statusText } from '../../src-main/seats/status-text.ts';
import { manualClock } from '../../src-shared/clock.ts';
import { startTestCloud, type TestCloud } from '../cloud/helpers.ts';
import { removeTempDirs } from '../core/helpers.ts';
import { ADMIN, PASSWORD, openServer, type TestServer } from './helpers.ts';

const DAY = 24 * 3600_000;
const clock = manualClock(Date.now());
let cloud: TestCloud;
let server: TestServer;
let validUntil: number;

before(async () => {
  cloud = await startTestCloud({ clock });
  server = await openServer(cloud.url, clock);
  await server.seats.activation.activate(ADMIN, PASSWORD);
  validUntil = Date.parse(server.seats.activation.identity().entitlement?.validUntil ?? '');
  await cloud.stop();
});
after(async () => {
  await server.close();
  await cloud.close();
  removeTempDirs();
});

const status = () => statusText(server.seats.service.status(), 'http://server', clock());

test('cloud stopped: the entitlement keeps serving and the status counts down', async () => {
  const before = server.served();
  assert.ok(Object.keys(before).length > 0);
  assert.match(status(), /the signed entitlement is valid for 7 days 0 hours\./);
  clock.advance(3 * DAY + 5 * 3600_000);
  await server.seats.activation.refresh();
  assert.deepEqual(server.served(), before);
  const text = status();
  assert.match(
    text,
    /Serves the organization's unassigned seats \(administrator admin@northwind\.example\), activated online; the signed entitlement is valid for 3 days 19 hours\./,
  );
  assert.match(text, /The cloud is unreachable; serving the last entitlement until it expires\./);
});

test('at expiry the seats leave the pool, a lease gets 410, and the status says what to do', async () => {
  const [product] = Object.keys(server.served());
  assert.ok(product);
  clock.set(validUntil - 60_000);
  server.seats.activation.tick();
  const out = server.seats.service.checkout({ product, user: 'ana', host: 'ws-1', clientId: 'c1' });
  assert.ok(out.ok, JSON.stringify(out));
  assert.ok(server.seats.service.heartbeat(out.leaseId).ok);
  clock.set(validUntil + 1000);
  server.seats.activation.tick();
  assert.deepEqual(
    server.served(),
    { [product]: 0 },
    'only the product with a live lease is listed',
  );
  const beat = server.seats.service.heartbeat(out.leaseId);
  assert.equal(beat.ok, false);
  assert.equal(!beat.ok && beat.error, 'lease_expired');
  const text = status();
  assert.match(
    text,
    /Serves no seats: the entitlement for the organization's unassigned seats \(administrator admin@northwind\.example\) expired\. Connect to the cloud to renew it, or import a new \.crt\./,
  );
  assert.match(text, /No seats: the pool is empty\./);
});
