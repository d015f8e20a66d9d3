// Usage alerts: when a product's use reaches the `alert` rule's percentage, one notification,
// then none for that product for an hour (the seat service's clock, moved by the test).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { SeatAlertView } from '../../src-shared/bridge/calls/seats.ts';
import { testService, who } from './service-helpers.ts';

test('crossing the threshold alerts once an hour per product', async () => {
  const t = testService({ vray: 4, phoenix: 2 }, { rules: 'alert 75% vray\nalert 100 *\n' });
  const got: SeatAlertView[] = [];
  t.svc.onAlert((a) => got.push(a));
  try {
    const lease = (id: string, product = 'vray') => {
      const r = t.svc.checkout(who(id, { product }));
      if (!r.ok) throw new Error(`no seat for ${id}`);
      return r.leaseId;
    };
    lease('a');
    lease('b');
    assert.equal(got.length, 0, 'under the threshold: no alert');
    const c = lease('c');
    assert.deepEqual(
      got.map((a) => a.message),
      ['3 of 4 seats of "vray" are in use (75%), at or over the 75% alert.'],
    );
    const d = lease('d');
    t.svc.release(c);
    t.clock.advance(59 * 60_000);
    lease('e');
    assert.equal(got.length, 1, 'no second alert within the hour');
    lease('p1', 'phoenix');
    lease('p2', 'phoenix');
    assert.deepEqual(
      got.map((a) => a.product),
      ['vray', 'phoenix'],
      'another product alerts on its own',
    );
    t.svc.checkout(who('e')); // its own lease back: no new grant, no alert
    assert.equal(got.length, 2);
    // An hour after the first alert, the next grant at or over the threshold alerts again.
    t.clock.advance(60_000);
    t.svc.release(d);
    lease('g');
    assert.deepEqual(
      got.map((a) => a.product),
      ['vray', 'phoenix', 'vray'],
    );
    const st = t.svc.status();
    assert.deepEqual(
      st.alerts?.map((a) => a.product),
      ['vray', 'phoenix', 'vray'],
    );
  } finally {
    await t.close();
  }
});
