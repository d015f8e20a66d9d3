// Every forged .crt of the corpus is refused with its own reason and the
// server's state stays byte for byte what it was; an entitlement edited on disk serves nothing.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { manualClock } from '../../src-shared/clock.ts';
import { AppError } from '../../src-shared/errors.ts';
import { startTestCloud, type TestCloud } from '../cloud/helpers.ts';
import { removeTempDirs } from '../core/helpers.ts';
import { forgedCases, type Genuine } from '../fixtures/activation/forged.ts';
import { ADMIN, digestOf, openServer, token, type TestServer } from './helpers.ts';

const DAY = 24 * 3600_000;
const clock = manualClock(Date.now());
let cloud: TestCloud;
let server: TestServer;
let other: TestServer;
let genuine: Genuine;

async function workstation(s: TestServer, name: string): Promise<string> {
  const req = await s.seats.activation.request(name);
  const answer = await cloud.call<{ document: string }>(
    'POST',
    '/v1/license-servers/workstations',
    { request: req.text, name },
    await token(cloud, ADMIN),
  );
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  return answer.body.document;
}

before(async () => {
  cloud = await startTestCloud({ clock });
  server = await openServer(cloud.url, clock);
  other = await openServer(cloud.url, clock);
  const now = clock();
  clock.set(now - 31 * DAY);
  const expired = await workstation(server, 'studio-old');
  clock.set(now);
  genuine = {
    mine: await workstation(server, 'studio'),
    otherMachine: await workstation(other, 'elsewhere'),
    expired,
  };
});
after(async () => {
  await other.close();
  await server.close();
  await cloud.close();
  removeTempDirs();
});

const state = () =>
  digestOf([join(server.dataDir, 'activation'), server.credentialFile]) +
  JSON.stringify(server.served());

test('the genuine .crt is imported and serves its seats', async () => {
  const id = await server.seats.activation.importCrt(genuine.mine);
  assert.equal(id.entitlement?.mode, 'offline');
  const seats = (
    JSON.parse(genuine.mine) as { payload: { seats: { product: string; total: number }[] } }
  ).payload.seats;
  assert.deepEqual(server.served(), Object.fromEntries(seats.map((s) => [s.product, s.total])));
});

for (const c of forgedCases)
  test(`a .crt that is ${c.name} is refused (${c.reason}) and changes nothing`, async () => {
    const before = state();
    const err = await server.seats.activation.importCrt(c.make(genuine)).then(
      () => assert.fail('accepted'),
      (e: unknown) => AppError.from(e),
    );
    assert.equal(err.code, `crt_${c.reason}`, err.message);
    assert.match(err.message, /^This \.crt file is refused: /);
    assert.equal(state(), before);
  });

test('each forgery meets a reason of its own', () => {
  assert.equal(new Set(forgedCases.map((c) => c.reason)).size, forgedCases.length);
});

test('an entitlement edited on disk is refused at load and serves nothing', async () => {
  const file = join(server.dataDir, 'activation', 'entitlement.json');
  const doc = JSON.parse(readFileSync(file, 'utf8')) as {
    payload: { seats: { total: number }[] };
  };
  for (const s of doc.payload.seats) s.total = 1000;
  await server.close();
  writeFileSync(file, JSON.stringify(doc));
  server = await openServer(cloud.url, clock, { dataDir: server.dataDir });
  assert.deepEqual(server.served(), {});
  const id = server.seats.activation.identity();
  assert.match(id.message ?? '', /The stored entitlement is refused \(payload_tampered\)/);
});
