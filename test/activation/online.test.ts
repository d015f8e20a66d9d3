// Over real HTTP: the pool is the verified entitlement; the
// administrator's servers split the organization's unassigned seats; moves and assignments reach
// their new holder only after the old one acknowledged or expired, and at no instant of a driven
// sequence (injected clock) is one seat served twice.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { manualClock } from '../../src-shared/clock.ts';
import { startTestCloud, type TestCloud } from '../cloud/helpers.ts';
import { removeTempDirs, root } from '../core/helpers.ts';
import { ADMIN, MEMBER, PASSWORD, openServer, token, type TestServer } from './helpers.ts';

const P = 'vray-3dsmax';
const HOUR = 3600_000;
const clock = manualClock(Date.now());
let cloud: TestCloud;
let a: TestServer;
let b: TestServer;
let m: TestServer;
let adminToken: string;
let memberId: string;

/** What the organization bought of each product: no instant may serve more. */
const bought = new Map<string, number>();

function noSeatServedTwice(step: string): void {
  const servers = [a, b, m];
  for (const [product, n] of bought) {
    const served = servers.reduce((sum, s) => sum + (s.served()[product] ?? 0), 0);
    assert.ok(served <= n, `${step}: ${served} seats of ${product} served, ${n} bought`);
  }
}

async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const answer = await cloud.call<T>(method, path, body, adminToken);
  assert.equal(answer.status, 200, `${path}: ${JSON.stringify(answer.body)}`);
  return answer.body;
}

interface ServerRow {
  id: string;
  fingerprint: string;
  seats: { product: string; total: number }[];
}
async function serverIdOf(s: TestServer): Promise<string> {
  const rows = await api<ServerRow[]>('GET', '/v1/license-servers');
  const row = rows.find((r) => r.fingerprint === s.seats.activation.identity().fingerprint);
  assert.ok(row, 'the server is in the registry');
  return row.id;
}

before(async () => {
  const seed = JSON.parse(readFileSync(join(root, 'resources', 'demo-seed.json'), 'utf8')) as {
    purchases: { owner: string; product: string; quantity: number }[];
  };
  for (const p of seed.purchases)
    if (p.owner === ADMIN) bought.set(p.product, (bought.get(p.product) ?? 0) + p.quantity);
  cloud = await startTestCloud({ clock });
  adminToken = await token(cloud, ADMIN);
  memberId = (
    await cloud.call<{ id: string }>('GET', '/v1/account', undefined, await token(cloud, MEMBER))
  ).body.id;
  a = await openServer(cloud.url, clock);
  b = await openServer(cloud.url, clock);
  m = await openServer(cloud.url, clock);
});
after(async () => {
  for (const s of [a, b, m]) await s.close();
  await cloud.close();
  removeTempDirs();
});

test("the administrator's server serves exactly its verified entitlement: N−K", async () => {
  await a.seats.activation.activate(ADMIN, PASSWORD);
  const pool = await api<{ productCode: string; total: number }[]>(
    'GET',
    '/v1/license-server/pool',
  );
  const expected = Object.fromEntries(pool.map((p) => [p.productCode, p.total]));
  assert.deepEqual(a.served(), expected);
  const id = a.seats.activation.identity();
  assert.equal(id.entitlement?.whose, 'organization');
  assert.equal(id.entitlement?.mode, 'online');
  const file = JSON.parse(
    readFileSync(join(a.dataDir, 'activation', 'entitlement.json'), 'utf8'),
  ) as { payload: { seats: { product: string; total: number }[] } };
  assert.deepEqual(
    a.served(),
    Object.fromEntries(file.payload.seats.map((s) => [s.product, s.total])),
  );
  noSeatServedTwice('A activated');
});

test('a second server of the account gets nothing by default, and the member serves their own', async () => {
  await b.seats.activation.activate(ADMIN, PASSWORD);
  assert.deepEqual(b.served(), {});
  await m.seats.activation.activate(MEMBER, PASSWORD);
  assert.equal(m.seats.activation.identity().entitlement?.whose, 'own');
  assert.ok((m.served()[P] ?? 0) >= 1, JSON.stringify(m.served()));
  noSeatServedTwice('B and M activated');
});

test('moved seats reach B only after A acknowledged its smaller entitlement', async () => {
  const before = a.served()[P] ?? 0;
  await api('POST', '/v1/license-servers/move', {
    product: P,
    from: await serverIdOf(a),
    to: await serverIdOf(b),
    count: 2,
  });
  await b.seats.activation.refresh();
  assert.equal(b.served()[P], undefined, 'A still holds them');
  noSeatServedTwice('B asked before A acknowledged');
  await a.seats.activation.refresh();
  assert.equal(a.served()[P], before - 2);
  noSeatServedTwice('A acknowledged');
  await b.seats.activation.refresh();
  assert.equal(b.served()[P], 2);
  noSeatServedTwice('B renewed');
});

test("an assigned seat reaches the member's server after the administrator's renewal", async () => {
  const mBefore = m.served()[P] ?? 0;
  const aBefore = a.served()[P] ?? 0;
  await api('POST', '/v1/org/assignments', {
    userId: memberId,
    purchaseId: 'pur_nw_vray3dsmax_2027_09',
    quantity: 1,
  });
  await m.seats.activation.refresh();
  assert.equal(m.served()[P] ?? 0, mBefore, 'the administrator still holds it');
  noSeatServedTwice('M asked first');
  await a.seats.activation.refresh();
  assert.equal(a.served()[P], aBefore - 1);
  await m.seats.activation.refresh();
  assert.equal(m.served()[P], mBefore + 1);
  noSeatServedTwice('M renewed');
});

test('seats moved away from a silent server reach the other one when its entitlement expires', async () => {
  const bSeats = b.served()[P] ?? 0;
  const aSeats = a.served()[P] ?? 0;
  await api('POST', '/v1/license-servers/move', {
    product: P,
    from: await serverIdOf(b),
    to: await serverIdOf(a),
    count: bSeats,
  });
  await a.seats.activation.refresh();
  assert.equal(a.served()[P], aSeats, 'B has not acknowledged (it is silent)');
  clock.advance(7 * 24 * HOUR + 60_000);
  b.seats.activation.tick();
  assert.equal(b.served()[P], undefined, "B's entitlement expired");
  await a.seats.activation.refresh();
  await m.seats.activation.refresh();
  assert.equal(a.served()[P], aSeats + bSeats);
  noSeatServedTwice('after expiry');
});

test('a driven sequence of moves, assignments, renewals and time finds no seat served twice', async () => {
  // A fixed pseudo-random sequence: the same steps on every run.
  let seed = 12;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const servers = { a, b, m };
  for (let i = 0; i < 40; i++) {
    const pick = next(6);
    let step: string;
    if (pick <= 2) {
      const name = (['a', 'b', 'm'] as const)[pick] ?? 'a';
      await servers[name].seats.activation.refresh();
      step = `refresh ${name}`;
    } else if (pick === 3) {
      const [from, to] = next(2) ? [a, b] : [b, a];
      const has = from.served()[P] ?? 0;
      step = `move ${has ? 1 : 0}`;
      if (has)
        await cloud.call(
          'POST',
          '/v1/license-servers/move',
          {
            product: P,
            from: await serverIdOf(from),
            to: await serverIdOf(to),
            count: 1,
          },
          adminToken,
        );
    } else if (pick === 4) {
      step = 'assign or revoke';
      if (next(2))
        await cloud.call(
          'POST',
          '/v1/org/assignments',
          {
            userId: memberId,
            purchaseId: 'pur_nw_vray3dsmax_2027_09',
            quantity: 1,
          },
          adminToken,
        );
      else
        await cloud.call(
          'POST',
          '/v1/org/revocations',
          { userId: memberId, productCode: P },
          adminToken,
        );
    } else {
      clock.advance(next(3) * 24 * HOUR);
      for (const s of [a, b, m]) s.seats.activation.tick();
      step = 'time passes';
    }
    noSeatServedTwice(`step ${i}: ${step}`);
  }
});
