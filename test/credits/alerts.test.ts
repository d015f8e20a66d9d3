// The administrator is told when the pool falls below the threshold they set, once (issue 19).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ADMIN, scene, startCreditCloud, type CreditCloud } from './helpers.ts';

interface Pulled {
  changes: { notifications: Array<{ kind: string; text: string }> };
}

describe('low-pool alert', () => {
  let c: CreditCloud;
  before(async () => {
    c = await startCreditCloud();
  });
  after(() => c.close());

  const lowNotices = async () =>
    (await c.as<Pulled>(ADMIN, 'GET', '/v1/pull?cursor=0')).body.changes.notifications.filter(
      (n) => n.kind === 'credits_low',
    );

  it('notifies the administrator once when the pool falls below the threshold', async () => {
    const set = await c.as<{ alertThreshold: number }>(ADMIN, 'POST', '/v1/org/credit-alert', {
      threshold: 120,
    });
    assert.equal(set.status, 200);
    assert.equal(set.body.alertThreshold, 120);
    assert.deepEqual(await lowNotices(), []);
    // 4 frames of 100 MB hold 5 credits each time: the pool goes 130 → 125 → 120 → 115 → 110.
    for (const name of ['a.max', 'b.max', 'c.max', 'd.max'])
      assert.equal((await c.as(ADMIN, 'POST', '/v1/render/jobs', scene(name))).status, 200);
    const notes = await lowNotices();
    assert.equal(notes.length, 1);
    assert.match(notes[0]?.text ?? '', /below your threshold of 120\.000/);
  });

  it('a member cannot set the alert', async () => {
    const r = await c.as<{ error: string }>('user01@render.test', 'POST', '/v1/org/credit-alert', {
      threshold: 1,
    });
    assert.equal(r.status, 403);
    assert.equal(r.body.error, 'not_administrator');
  });
});
