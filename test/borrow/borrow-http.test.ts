// Over real HTTP with the real cloud: a borrow serves on this machine
// with the cloud stopped and is missing from the central server's next entitlement; revoke and
// removal of the borrower fail with the seeds' messages; an early return gives it back; expiry
// (the injected clock) removes it; the floor and the per-user maximum refuse with their reasons.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { borrowedLicense, REMOVAL_BORROWED } from '../../src-shared/org/messages.ts';
import { manualClock } from '../../src-shared/clock.ts';
import { AppError } from '../../src-shared/errors.ts';
import { startTestCloud, type TestCloud } from '../cloud/helpers.ts';
import { removeTempDirs } from '../core/helpers.ts';
import {
  ADMIN,
  MEMBER,
  PASSWORD,
  openServer,
  token,
  type TestServer,
} from '../activation/helpers.ts';

const DAY = 24 * 3600_000;
const clock = manualClock(Date.now());
let cloud: TestCloud;
let central: TestServer;
let laptop: TestServer;
let marco: TestServer;
let marcoId: string;

const checkout = (s: TestServer, product: string, clientId = 'c1') =>
  s.seats.service.checkout({ product, user: 'ana', host: 'ws-1', clientId });

async function adminCall<T>(method: string, path: string, body?: unknown) {
  return cloud.call<T>(method, path, body, await token(cloud, ADMIN));
}

async function refusal(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    return AppError.from(err);
  }
  assert.fail('expected a refusal');
}

before(async () => {
  cloud = await startTestCloud({ clock });
  central = await openServer(cloud.url, clock);
  await central.seats.activation.activate(ADMIN, PASSWORD);
  laptop = await openServer(cloud.url, clock);
  await laptop.seats.activation.activate(ADMIN, PASSWORD);
  marco = await openServer(cloud.url, clock);
  await marco.seats.activation.activate(MEMBER, PASSWORD);
  const users = await adminCall<{ users: Array<{ id: string; email: string }> }>(
    'GET',
    '/v1/org/users',
  );
  marcoId = users.body.users.find((u) => u.email === MEMBER)?.id ?? '';
  assert.ok(marcoId);
});
after(async () => {
  await marco.close();
  await laptop.close();
  await central.close();
  await cloud.close();
  removeTempDirs();
});

test("the administrator's borrow leaves the central server's next entitlement", async () => {
  const before = central.served()['vray-3dsmax'] ?? 0;
  assert.ok(before > 0);
  assert.equal(laptop.served()['vray-3dsmax'], undefined, 'the first server holds the seats');
  const list = await laptop.seats.borrow.borrow('vray-3dsmax', 7);
  assert.equal(list.borrows.length, 1);
  assert.equal(list.borrows[0]?.daysLeft, 7);
  assert.equal(laptop.served()['vray-3dsmax'], 1);
  await central.seats.activation.refresh();
  assert.equal(central.served()['vray-3dsmax'], before - 1);
});

test('the floor and the per-user maximum refuse, each naming its rule', async () => {
  const floor = await adminCall('POST', '/v1/borrows/policy', {
    product: 'corona-3dsmax',
    floor: 2,
    userMax: null,
    maxDays: 30,
  });
  assert.equal(floor.status, 200, JSON.stringify(floor.body));
  const f = await refusal(laptop.seats.borrow.borrow('corona-3dsmax', 3));
  assert.equal(f.code, 'borrow_floor');
  assert.match(f.message, /^Borrowing refused by the floor rule: the administrator keeps 2 seats/);
  await adminCall('POST', '/v1/borrows/policy', {
    product: 'vray-3dsmax',
    floor: 0,
    userMax: 1,
    maxDays: 14,
  });
  const m = await refusal(central.seats.borrow.borrow('vray-3dsmax', 3));
  assert.equal(m.code, 'borrow_user_max');
  assert.match(m.message, /^Borrowing refused by the per-user maximum: one user may borrow 1 seat/);
  const d = await refusal(laptop.seats.borrow.borrow('vray-3dsmax', 20));
  assert.equal(d.code, 'borrow_days');
  assert.equal(d.message, 'A borrow lasts 1 to 14 days; 20 is outside that.');
  const member = await cloud.call(
    'POST',
    '/v1/borrows/policy',
    {
      product: 'vray-3dsmax',
      floor: 0,
      userMax: null,
      maxDays: 30,
    },
    await token(cloud, MEMBER),
  );
  assert.equal(member.status, 403);
  assert.equal(central.seats.borrow.list().borrows.length, 0, 'a refusal stores nothing');
});

const kinds = (s: TestServer, product: string) =>
  s.seats.service.pool
    .entries()
    .find((e) => e.product === product)
    ?.sources.map((x) => `${x.kind}:${x.total}`)
    .sort() ?? [];

test("a member's borrow blocks revoke and removal with the seeds' messages; Return gives it back", async () => {
  assert.deepEqual(kinds(marco, 'vray-3dsmax'), ['entitlement:1']);
  await marco.seats.borrow.borrow('vray-3dsmax', 5);
  assert.deepEqual(kinds(marco, 'vray-3dsmax'), ['borrowed:1'], 'the seat left its entitlement');
  const revoke = await adminCall<{ status: string; message?: string }>(
    'POST',
    '/v1/org/revocations',
    { userId: marcoId, productCode: 'vray-3dsmax' },
  );
  assert.equal(revoke.status, 409, JSON.stringify(revoke.body));
  assert.equal(revoke.body.message, borrowedLicense(MEMBER));
  const removal = await adminCall<{ items?: Array<{ message?: string }> }>(
    'POST',
    '/v1/org/users/remove',
    { userIds: [marcoId] },
  );
  // The removal's item for the borrower carries the seed's reason word for word.
  assert.ok(
    JSON.stringify(removal.body).includes(`"${REMOVAL_BORROWED}"`),
    JSON.stringify(removal.body),
  );
  const users = await adminCall<{
    users: Array<{ email: string; products: Array<{ productCode: string; borrowed: number }> }>;
  }>('GET', '/v1/org/users');
  const row = users.body.users.find((u) => u.email === MEMBER);
  assert.equal(row?.products.find((p) => p.productCode === 'vray-3dsmax')?.borrowed, 1);

  const back = await marco.seats.borrow.giveBack('vray-3dsmax');
  assert.equal(back.borrows.length, 0);
  assert.deepEqual(kinds(marco, 'vray-3dsmax'), ['entitlement:1'], 'back in the entitlement');
  const again = await adminCall<{
    users: Array<{ email: string; products: Array<{ productCode: string; borrowed: number }> }>;
  }>('GET', '/v1/org/users');
  const after = again.body.users.find((u) => u.email === MEMBER);
  assert.equal(after?.products.find((p) => p.productCode === 'vray-3dsmax')?.borrowed, 0);
});

test('at its signed end a borrow leaves the pool by itself, and the cloud frees it', async () => {
  const before = kinds(marco, 'enscape');
  await marco.seats.borrow.borrow('enscape', 2);
  assert.ok(kinds(marco, 'enscape').includes('borrowed:1'));
  clock.advance(2 * DAY - 60_000);
  assert.ok(checkout(marco, 'enscape', 'b1').ok, 'it serves until its end');
  clock.advance(2 * 60_000);
  checkout(marco, 'enscape', 'b2');
  assert.ok(!kinds(marco, 'enscape').some((k) => k.startsWith('borrowed')), 'it left the pool');
  assert.equal(marco.seats.borrow.list().borrows.length, 0, 'its file is gone');
  const users = await adminCall<{
    users: Array<{ email: string; products: Array<{ productCode: string; borrowed: number }> }>;
  }>('GET', '/v1/org/users');
  const row = users.body.users.find((u) => u.email === MEMBER);
  assert.equal(row?.products.find((p) => p.productCode === 'enscape')?.borrowed, 0);
  await marco.seats.activation.refresh();
  assert.deepEqual(kinds(marco, 'enscape'), before, 'its entitlement has it again');
});

test('the borrowed seat serves with the cloud stopped', async () => {
  await cloud.stop();
  await laptop.seats.activation.refresh();
  const out = checkout(laptop, 'vray-3dsmax');
  assert.ok(out.ok, JSON.stringify(out));
  assert.ok(!checkout(laptop, 'vray-3dsmax', 'c2').ok, 'one seat, not two');
  laptop.seats.service.release(out.leaseId);
  const list = laptop.seats.borrow.list();
  assert.equal(list.borrows[0]?.daysLeft, 5, 'two of its seven days passed');
});
