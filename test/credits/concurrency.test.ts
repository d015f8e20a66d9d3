// 50 concurrent render jobs of 10 users over real HTTP never overdraw the pool or any quota
// (issue 19), checked against the ledger: the check and the charge are one transaction.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CreditLedgerRow } from '../../src-shared/cloud-api/sync.ts';
import { ADMIN, replay, scene, startCreditCloud, user, type CreditCloud } from './helpers.ts';

const QUOTA = 20;
const JOB = 5;

/** Net credits each user took from the pool, and each lot's balance, from the ledger alone. */
function fromLedger(rows: readonly CreditLedgerRow[]) {
  const byUser = new Map<string, number>();
  const byLot = new Map<string, number>();
  for (const r of rows.filter((x) => x.ownerId === 'acc-admin')) {
    const milli = Math.round(r.amount * 1000);
    byLot.set(r.lotId, (byLot.get(r.lotId) ?? 0) + milli);
    if (r.userEmail && r.jobId) byUser.set(r.userEmail, (byUser.get(r.userEmail) ?? 0) - milli);
  }
  return { byUser, byLot };
}

describe('concurrent charges', () => {
  let c: CreditCloud;
  before(async () => {
    c = await startCreditCloud();
    // Signed in first, so the 50 submissions race each other and not the sign-ins.
    for (let n = 1; n <= 10; n++) await c.quote(user(n), scene('warm-up.max'));
  });
  after(() => c.close());

  it('50 jobs of 10 users at once: never more than the pool (130) nor any quota (20)', async () => {
    const pool = (await c.balance(ADMIN)).total;
    assert.equal(pool, 130);
    const submissions = Array.from({ length: 50 }, (_, i) =>
      c.as<{ id?: string; error?: string }>(
        user((i % 10) + 1),
        'POST',
        '/v1/render/jobs',
        scene(`shot-${i}.max`),
      ),
    );
    const answers = await Promise.all(submissions);
    const started = answers.filter((a) => a.status === 200);
    const refused = answers.filter((a) => a.status === 409);
    assert.equal(started.length + refused.length, 50, 'every job started or was refused');
    assert.ok(refused.every((a) => a.body.error === 'not_enough_credits'));
    // 10 users × 4 jobs fit their quotas (200), but the pool holds 130: exactly 26 jobs start.
    assert.equal(started.length, pool / JOB);

    const check = async () => {
      const rows = await c.ledger(ADMIN);
      const { byUser, byLot } = fromLedger(rows);
      for (const [lot, milli] of byLot) assert.ok(milli >= 0, `lot ${lot} overdrawn: ${milli}`);
      const users = await c.as<{ users: Array<{ email: string; creditAccess: { used: number } }> }>(
        ADMIN,
        'GET',
        '/v1/org/users',
      );
      for (let n = 1; n <= 10; n++) {
        const taken = (byUser.get(user(n)) ?? 0) / 1000;
        assert.ok(taken <= QUOTA, `${user(n)} took ${taken} of a ${QUOTA} quota`);
        const listed = users.body.users.find((u) => u.email === user(n));
        assert.equal(listed?.creditAccess.used, taken, `${user(n)}'s used equals the ledger`);
      }
      const b = await c.balance(ADMIN);
      assert.ok(b.total >= 0);
      assert.equal(replay(rows, 'acc-admin', b.asOf), b.total, 'replay equals the balance');
    };
    await check();
    // Every job ends by the cloud's clock; the unused part of each estimate comes back.
    c.clock.advance(4 * 6_000 + 1);
    const jobs = await Promise.all(Array.from({ length: 10 }, (_, i) => c.jobs(user(i + 1))));
    assert.equal(jobs.flat().filter((j) => j.status === 'done').length, started.length);
    await check();
  });
});
