// The credit ledger over real HTTP (issue 19): earliest-expiring consumption across
// lots, a quota larger than the pool, guests on one pool at a time, and replay equal to the balance.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ADMIN, replay, scene, startCreditCloud, type CreditCloud } from './helpers.ts';

const DAY = 86_400_000;

describe('credit ledger over HTTP', () => {
  let c: CreditCloud;
  before(async () => {
    c = await startCreditCloud();
  });
  after(() => c.close());

  it('shows the pool as of now: live lots by expiration date, "No expiration date" last, the expired lot counted for nothing', async () => {
    const b = await c.balance(ADMIN);
    assert.equal(b.asOf, new Date(c.clock()).toISOString());
    assert.deepEqual(
      b.lots.map((l) => [l.remaining, l.expiresAt === null]),
      [
        [30, false],
        [40, false],
        [60, true],
      ],
    );
    assert.equal(b.total, 130);
    const rows = await c.ledger(ADMIN);
    assert.ok(
      rows.some((r) => r.kind === 'expiry' && r.amount === -40),
      'the expired lot has an expiry row',
    );
    assert.equal(replay(rows, 'acc-admin', b.asOf), b.total);
  });

  it('takes the earliest-expiring lot first and the lot without expiration date last; replay equals the balance at every step', async () => {
    const steps: Array<[string, number]> = [];
    // 32 credits: all 30 of the lot expiring in 3 days, then 2 from the one expiring in 10 days.
    const job = await c.as<{ id: string; estimate: number }>(
      ADMIN,
      'POST',
      '/v1/render/jobs',
      scene('city.max', 20, 135_000_000),
    );
    assert.equal(job.status, 200, JSON.stringify(job.body));
    assert.equal(job.body.estimate, 32);
    let b = await c.balance(ADMIN);
    assert.deepEqual(
      b.lots.map((l) => l.remaining),
      [38, 60],
    );
    steps.push([b.asOf, b.total]);
    // The job ends by the cloud's clock; what it did not use goes back to the last-taken lot.
    c.clock.advance(20 * 6_000 + 1);
    const [done] = await c.jobs(ADMIN);
    assert.equal(done?.status, 'done');
    assert.ok(done?.cost !== null && done!.cost! <= 32 && done!.cost! >= 27, `cost ${done?.cost}`);
    b = await c.balance(ADMIN);
    assert.equal(b.total, Math.round((130 - done!.cost!) * 1000) / 1000);
    assert.equal(b.lots.at(-1)?.remaining, 60, 'the lot without expiration date is untouched');
    steps.push([b.asOf, b.total]);
    // Past the first lot's expiry: what is left of it counts for nothing.
    c.clock.advance(4 * DAY);
    b = await c.balance(ADMIN);
    steps.push([b.asOf, b.total]);
    const rows = await c.ledger(ADMIN);
    for (const [at, total] of steps)
      assert.equal(replay(rows, 'acc-admin', at), total, `replay at ${at}`);
  });

  it('a quota larger than the pool lets the user spend only what the pool holds', async () => {
    const pool = (await c.balance(ADMIN)).total;
    const q = await c.quote('big@render.test', scene('small.max'));
    assert.equal(q.available, pool);
    const tooBig = await c.as<{ error: string; message: string }>(
      'big@render.test',
      'POST',
      '/v1/render/jobs',
      scene('huge.max', Math.ceil(pool / 0.25) + 4, 1),
    );
    assert.equal(tooBig.status, 409);
    assert.equal(tooBig.body.error, 'not_enough_credits');
    assert.match(tooBig.body.message, /available/);
    assert.equal((await c.balance(ADMIN)).total, pool, 'a refusal charges nothing');
  });

  it('refuses a member with access disabled before anything starts, with the reason', async () => {
    const q = await c.quote('off@render.test', scene('off.max'));
    assert.equal(q.allowed, false);
    assert.equal(q.code, 'credit_access_disabled');
    const r = await c.as<{ error: string; message: string }>(
      'off@render.test',
      'POST',
      '/v1/render/jobs',
      scene('off.max'),
    );
    assert.equal(r.status, 409);
    assert.equal(r.body.error, 'credit_access_disabled');
    assert.match(r.body.message, /admin@render\.test/);
    assert.deepEqual(await c.jobs('off@render.test'), []);
  });

  it('a guest on personal credits spends them, not the pool, and cannot be given organizational access', async () => {
    const pool = (await c.balance(ADMIN)).total;
    const q = await c.quote('guest-own@render.test', scene('g.max'));
    assert.equal(q.source, 'personal');
    assert.equal(q.available, 12);
    const job = await c.as('guest-own@render.test', 'POST', '/v1/render/jobs', scene('g.max'));
    assert.equal(job.status, 200);
    assert.equal((await c.balance('guest-own@render.test')).total, 7);
    assert.equal((await c.balance(ADMIN)).total, pool);
    const users = await c.as<{ users: Array<{ id: string; email: string }> }>(
      ADMIN,
      'GET',
      '/v1/org/users',
    );
    const guest = users.body.users.find((u) => u.email === 'guest-own@render.test');
    const set = await c.as<{ error: string }>(ADMIN, 'POST', '/v1/org/credit-access', {
      userIds: [guest!.id],
      access: { mode: 'unlimited' },
    });
    assert.equal(set.status, 200);
    assert.equal((set.body as unknown as { status: string }).status, 'rejected');
  });

  it('a guest on the pool spends the pool and cannot buy personal credits', async () => {
    const pool = (await c.balance(ADMIN)).total;
    const q = await c.quote('guest-org@render.test', scene('o.max'));
    assert.equal(q.source, 'organization');
    const buy = await c.as<{ error: string; message: string }>(
      'guest-org@render.test',
      'POST',
      '/v1/credits/purchase',
      {
        amount: 10,
      },
    );
    assert.equal(buy.status, 409);
    assert.equal(buy.body.error, 'guest_uses_org_credits');
    const job = await c.as('guest-org@render.test', 'POST', '/v1/render/jobs', scene('o.max'));
    assert.equal(job.status, 200);
    assert.equal((await c.balance(ADMIN)).total, Math.round((pool - 5) * 1000) / 1000);
  });

  it('cancelling charges what the job used, and the user is told', async () => {
    c.clock.advance(60_000); // earlier tests' jobs end first
    const start = (await c.balance(ADMIN)).total;
    const job = await c.as<{ id: string }>(
      ADMIN,
      'POST',
      '/v1/render/jobs',
      scene('cancel.max', 40, 0 + 1),
    );
    c.clock.advance(40 * 6_000 * 0.25);
    const r = await c.as<{ status: string; cost: number }>(
      ADMIN,
      'POST',
      '/v1/render/jobs/cancel',
      { jobId: job.body.id },
    );
    assert.equal(r.status, 200);
    assert.equal(r.body.status, 'cancelled');
    assert.ok(r.body.cost > 0 && r.body.cost < 10 * 0.26, `cost ${r.body.cost}`);
    assert.equal((await c.balance(ADMIN)).total, Math.round((start - r.body.cost) * 1000) / 1000);
    const again = await c.as<{ error: string }>(ADMIN, 'POST', '/v1/render/jobs/cancel', {
      jobId: job.body.id,
    });
    assert.equal(again.status, 409);
    const pull = await c.as<{ changes: { notifications: Array<{ text: string }> } }>(
      ADMIN,
      'GET',
      '/v1/pull?cursor=0',
    );
    assert.ok(
      pull.body.changes.notifications.some((n) => /cancel\.max was cancelled/.test(n.text)),
    );
  });

  it('bad input changes nothing', async () => {
    await c.quote('user01@render.test', scene('signed-in.max'));
    const before = c.cloud.snapshot();
    for (const body of [
      {},
      { name: '', frames: 1, sizeBytes: 1 },
      { name: 'x', frames: 0, sizeBytes: 1 },
    ]) {
      const r = await c.as('user01@render.test', 'POST', '/v1/render/jobs', body);
      assert.equal(r.status, 400);
    }
    assert.equal(c.cloud.snapshot(), before);
  });
});
