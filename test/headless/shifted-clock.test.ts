// Issue 11: the demo tells the same story on any day. `clm serve --clock-shift` moves the one
// clock of the app and of its embedded demo cloud; a year ahead, and a day past every date the
// seed names, the borrowed seat is still refused for revoke with the seed's message, purchases
// and credit lots that were valid still are, and Reset demo starts the story again.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { SeatStatus } from '../../src-shared/bridge/calls/seats.ts';
import type { CreditLotsView } from '../../src-shared/domain/activity.ts';
import type { DemoAccount } from '../../src-shared/domain/account.ts';
import type { OrgUsersPage, QueuedChange } from '../../src-shared/domain/org.ts';
import type { SessionState } from '../../src-shared/domain/session.ts';
import { parseShift } from '../../src-shared/clock.ts';
import { removeTempDirs, root, tempDir } from '../core/helpers.ts';
import { eventually } from '../support/wait.ts';
import { startServe, type ServeProcess } from './serve-process.ts';

after(removeTempDirs);

const seedText = readFileSync(join(root, 'resources', 'demo-seed.json'), 'utf8');
const seed = JSON.parse(seedText) as { demoAccounts: DemoAccount[] };
const admin = seed.demoAccounts[0] as DemoAccount;
const JONAS = 'jonas.becker@northwind.example';
const BORROWED = `The source user ${JONAS} has borrowed licenses for offline use. To reallocate them, the borrowing period should first expire or the user should release them for online use.`;
// The farthest day ahead the seed names: a clock past it would end every story an absolute seed told.
const farthest = Math.max(...[...seedText.matchAll(/"\+(\d+)d/g)].map((m) => Number(m[1])));
const DAY = 86_400_000;

async function value<T>(app: ServeProcess, name: string, input: unknown = {}): Promise<T> {
  const answer = await app.call<T>(name, input);
  assert.ok(answer.ok, `${name}: ${JSON.stringify(answer)}`);
  return answer.value;
}

async function jonasRow(app: ServeProcess) {
  return eventually("Jonas Becker's row with his products", async () => {
    const page = await value<OrgUsersPage>(app, 'org.users', { search: JONAS });
    const row = page.users.find((u) => u.email === JONAS);
    return row && row.products.some((p) => p.productCode === 'vray-3dsmax') && row;
  });
}

/** What a person sees of the demo's story, asserted the same on any day. */
async function tellsTheStory(app: ServeProcess, shiftMs: number): Promise<void> {
  const { now } = await value<{ now: number }>(app, 'app.clock');
  assert.ok(Math.abs(now - (Date.now() + shiftMs)) < 60_000, "the app's clock is shifted");
  const session = await value<SessionState>(app, 'session.signIn', {
    email: admin.email,
    password: admin.password,
  });
  assert.equal(session.signedIn, true);
  // Jonas's borrow has days left: revoking his seat is refused with the seed's message.
  const revoke = await app.call<QueuedChange>('org.revoke', {
    userIds: [(await jonasRow(app)).id],
    productCode: 'vray-3dsmax',
  });
  assert.deepEqual(revoke.ok ? revoke.value : revoke.error.message, BORROWED);
  // A credit lot expires soon (within 30 days) and still counts.
  const lots = await value<CreditLotsView>(app, 'org.creditLots');
  const soon = lots.lots.filter(
    (l) => l.expiresAt !== null && Date.parse(l.expiresAt) - now < 30 * DAY,
  );
  assert.ok(soon.length >= 1, `a lot expiring soon: ${JSON.stringify(lots.lots)}`);
  assert.ok(soon.every((l) => Date.parse(l.expiresAt as string) > now - DAY));
  // The license server serves the organization's unassigned seats, Enscape (expiring inside
  // its renewal window) among them.
  const pool = await eventually('the demo license server pool with Enscape', async () => {
    const res = await fetch(`${app.base}/seat/v1/status`);
    const status = (await res.json()) as SeatStatus;
    return status.products.some((p) => p.product === 'enscape') && status;
  });
  assert.equal(pool.products.find((p) => p.product === 'vray-3dsmax')?.total, 9);
}

for (const shift of ['+400d', `+${farthest + 1}d`]) {
  test(`the demo tells its story with the clock moved ${shift}`, { timeout: 120_000 }, async () => {
    const shiftMs = parseShift(shift) as number;
    const app = await startServe(['--data', tempDir('shifted'), '--clock-shift', shift]);
    try {
      await tellsTheStory(app, shiftMs);
    } finally {
      assert.equal(await app.stop(), 0);
    }
  });
}

test(
  'Reset demo reloads the story dated from now: a demo loaded long ago is new again',
  { timeout: 120_000 },
  async () => {
    const dataDir = tempDir('reset');
    // Loaded a year ago: by now Jonas's borrow and most purchases have ended.
    const old = await startServe(['--data', dataDir, '--clock-shift=-365d']);
    await value<SessionState>(old, 'session.signIn', {
      email: admin.email,
      password: admin.password,
    });
    assert.equal(await old.stop(), 0);

    const app = await startServe(['--data', dataDir]);
    try {
      // The session kept from a year ago has run out: the app says so and shows the sign-in.
      const ended = await eventually('the year-old session to end', async () => {
        const s = await value<SessionState>(app, 'session.get');
        return !s.signedIn && s.sync.message !== undefined && s;
      });
      assert.match(ended.sync.message ?? '', /sign in again/i);
      await value<SessionState>(app, 'session.signIn', {
        email: admin.email,
        password: admin.password,
      });
      // A year on, the old demo's borrow has ended: nothing refuses revoking Jonas's seat.
      const stale = await value<QueuedChange>(app, 'org.revoke', {
        userIds: [(await jonasRow(app)).id],
        productCode: 'vray-3dsmax',
      });
      assert.deepEqual(stale.failed, [], 'the old borrow no longer holds');
      // `clm demo-reset` is the Reset demo button for scripts: the same bridge call.
      const cli = spawnSync(
        process.execPath,
        [join(root, 'dist', 'cli.js'), 'demo-reset', '--server', app.base, '--token', app.token],
        { encoding: 'utf8', timeout: 60_000 },
      );
      assert.equal(cli.status, 0, cli.stderr);
      assert.match(cli.stdout, /^The demo was reloaded from its seed, dated from now\./);
      const reset = await value<SessionState>(app, 'session.get');
      assert.equal(reset.signedIn, false, 'Reset demo signs out');
      await tellsTheStory(app, 0);
    } finally {
      assert.equal(await app.stop(), 0);
    }
  },
);

test('Reset demo is refused where the cloud is not the demo, and a bad shift is refused', async () => {
  const app = await startServe(['--data', tempDir('real'), '--cloud', 'http://127.0.0.1:9']);
  try {
    const answer = await app.call('demo.reset');
    assert.equal(answer.ok, false);
    assert.match(
      answer.ok ? '' : answer.error.message,
      /^Reset demo is only for the embedded demo; this app uses the cloud at http:\/\/127\.0\.0\.1:9/,
    );
  } finally {
    await app.stop();
  }
  await assert.rejects(
    startServe(['--data', tempDir('bad'), '--clock-shift', 'tomorrow']),
    /--clock-shift "tomorrow" is not a shift such as \+400d/,
  );
});
