// Lease revival (docs/seat-protocol.md, "Revival"): a lease that expired because heartbeats were
// late comes back to the same client within the window if its seat is still free.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testService, who } from './service-helpers.ts';

test('a late heartbeat inside the window revives the same lease', async () => {
  const t = testService({ vray: 1 }, { reviveSeconds: 120 });
  try {
    const a = t.svc.checkout(who('a'));
    if (!a.ok) throw new Error('no lease');
    t.clock.advance(t.svc.leaseMs + 1);
    t.svc.reap();
    t.clock.advance(100_000);
    const hb = t.svc.heartbeat(a.leaseId);
    assert.deepEqual(hb, { ok: true, expiresAt: t.clock() + t.svc.leaseMs, revived: true });
    assert.deepEqual(
      t.svc.status().products[0]?.leases.map((l) => l.leaseId),
      [a.leaseId],
    );
  } finally {
    await t.close();
  }
});

test('outside the window, or when its seat was taken meanwhile, the lease stays expired', async () => {
  const t = testService({ vray: 1 }, { reviveSeconds: 120 });
  try {
    const a = t.svc.checkout(who('a'));
    if (!a.ok) throw new Error('no lease');
    t.clock.advance(t.svc.leaseMs + 121_000);
    assert.equal(t.svc.heartbeat(a.leaseId).ok, false);

    const b = t.svc.checkout(who('b'));
    if (!b.ok) throw new Error('no lease');
    t.clock.advance(t.svc.leaseMs + 1);
    t.svc.reap();
    assert.equal(t.svc.checkout(who('c')).ok, true);
    const late = t.svc.heartbeat(b.leaseId);
    assert.equal(!late.ok && late.error, 'lease_expired');
  } finally {
    await t.close();
  }
});

test('without a window (the default) a late heartbeat answers lease_expired as before', async () => {
  const t = testService({ vray: 1 });
  try {
    const a = t.svc.checkout(who('a'));
    if (!a.ok) throw new Error('no lease');
    t.clock.advance(t.svc.leaseMs + 1);
    assert.equal(t.svc.heartbeat(a.leaseId).ok, false);
  } finally {
    await t.close();
  }
});
