// Reminders (issue 13): 3 days and 1 day before a borrow ends, an in-app notification of kind
// borrow_expiring appears with the account's notifications (once each, made on this machine so
// it comes offline too), and can be marked read like the others. The clock is moved, never slept.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { listNotifications, markNotificationsRead } from '../../src-main/me/notifications.ts';
import { manualClock } from '../../src-shared/clock.ts';
import { startTestCloud, type TestCloud } from '../cloud/helpers.ts';
import { removeTempDirs } from '../core/helpers.ts';
import { ADMIN, PASSWORD, openServer, type TestServer } from '../activation/helpers.ts';

const DAY = 24 * 3600_000;
const clock = manualClock(Date.now());
let cloud: TestCloud;
let server: TestServer;
let start: number;

const reminders = () =>
  listNotifications(server.core).items.filter((n) => n.kind === 'borrow_expiring');

before(async () => {
  cloud = await startTestCloud({ clock });
  server = await openServer(cloud.url, clock);
  await server.core.signIn(ADMIN, PASSWORD);
  await server.seats.activation.activate(ADMIN, PASSWORD);
  await server.seats.borrow.borrow('vray-3dsmax', 7);
  start = clock();
  await cloud.stop();
});
after(async () => {
  await server.close();
  await cloud.close();
  removeTempDirs();
});

test('no reminder while more than 3 days are left', () => {
  clock.set(start + 4 * DAY - 60_000);
  server.seats.borrow.tick();
  assert.deepEqual(reminders(), []);
});

test('3 days before the end: one reminder, offline, not repeated', () => {
  clock.set(start + 4 * DAY + 60_000);
  server.seats.borrow.tick();
  server.seats.borrow.tick();
  const r = reminders();
  assert.equal(r.length, 1);
  assert.match(
    r[0]?.text ?? '',
    /^Your borrowed license of V-Ray for 3ds Max returns in 3 days \(.+\)\. Borrow it again before then to keep working offline, or release it for online use\.$/,
  );
  assert.equal(r[0]?.read, false);
});

test('1 day before the end: the second reminder; both can be marked read', () => {
  clock.set(start + 6 * DAY + 60_000);
  server.seats.borrow.tick();
  const r = reminders();
  assert.equal(r.length, 2);
  assert.match(r[0]?.text ?? '', /returns in 1 day \(/);
  const marked = markNotificationsRead(
    server.core,
    r.map((n) => n.id),
  );
  assert.equal(marked.marked, 2);
  assert.ok(reminders().every((n) => n.read));
});
