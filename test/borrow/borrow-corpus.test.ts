// A borrow file copied from another machine, tampered, expired or signed
// by another key is refused case by case, with its own reason, and serves nothing. The corpus is
// the activation's (test/fixtures/activation/forged.ts) over genuine borrows the real cloud signed;
// only the payload tampering differs (a borrow's end pushed later, not an entitlement's seats).
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { borrowDir } from '../../src-main/borrow/source.ts';
import { manualClock } from '../../src-shared/clock.ts';
import { startTestCloud, type TestCloud } from '../cloud/helpers.ts';
import { removeTempDirs } from '../core/helpers.ts';
import { forgedCases, type Genuine } from '../fixtures/activation/forged.ts';
import { ADMIN, PASSWORD, openServer, type TestServer } from '../activation/helpers.ts';

const DAY = 24 * 3600_000;
const clock = manualClock(Date.now());
let cloud: TestCloud;
let server: TestServer;
let other: TestServer;
let genuine: Genuine;

/** Borrows `product` on `s` and answers the signed file it stored. */
async function borrowed(s: TestServer, product: string, days: number): Promise<string> {
  const list = await s.seats.borrow.borrow(product, days);
  const id = list.borrows.find((b) => b.product === product)?.id ?? '';
  return readFileSync(join(borrowDir(s.dataDir), `${id}.json`), 'utf8');
}

before(async () => {
  cloud = await startTestCloud({ clock });
  server = await openServer(cloud.url, clock);
  await server.seats.activation.activate(ADMIN, PASSWORD);
  other = await openServer(cloud.url, clock);
  await other.seats.activation.activate(ADMIN, PASSWORD);
  const now = clock();
  clock.set(now - 10 * DAY);
  const expired = await borrowed(server, 'enscape', 2);
  clock.set(now);
  genuine = {
    mine: await borrowed(server, 'vray-3dsmax', 5),
    otherMachine: await borrowed(other, 'vray-collection', 5),
    expired,
  };
  rmSync(borrowDir(server.dataDir), { recursive: true, force: true });
});
after(async () => {
  await other.close();
  await server.close();
  await cloud.close();
  removeTempDirs();
});

const cases = [
  ...forgedCases.filter((c) => c.name !== 'tampered payload'),
  {
    name: 'tampered payload',
    reason: 'payload_tampered',
    make: (g: Genuine) => {
      const e = JSON.parse(g.mine) as { payload: { validUntil: string } };
      e.payload.validUntil = new Date(Date.parse(e.payload.validUntil) + 30 * DAY).toISOString();
      return JSON.stringify(e);
    },
  },
];

test('the genuine borrow file serves its seat', async () => {
  const dir = borrowDir(server.dataDir);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'genuine.json'), genuine.mine);
  const list = await server.seats.borrow.reload();
  assert.deepEqual(list.refused, []);
  assert.equal(list.borrows.length, 1);
  assert.equal(server.served()['vray-3dsmax'] !== undefined, true);
  rmSync(join(dir, 'genuine.json'));
});

for (const c of cases) {
  test(`refused: ${c.name} (${c.reason})`, async () => {
    const dir = borrowDir(server.dataDir);
    for (const f of readdirSync(dir)) rmSync(join(dir, f));
    await server.seats.borrow.reload();
    const before = server.served();
    writeFileSync(join(dir, 'copied.json'), c.make(genuine));
    const list = await server.seats.borrow.reload();
    assert.equal(list.borrows.length, 0, 'nothing is held');
    assert.equal(list.refused.length, 1);
    assert.equal(list.refused[0]?.file, 'copied.json');
    assert.equal(list.refused[0]?.code, c.reason, list.refused[0]?.message);
    assert.ok(list.refused[0]?.message);
    const afterwards = server.served();
    assert.equal(afterwards['vray-3dsmax'], before['vray-3dsmax'], 'serves nothing more');
  });
}
