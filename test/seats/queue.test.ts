// Queueing (docs/seat-protocol.md, "Queueing"): a checkout that asks to wait gets its place,
// priorities from the rules come first, a freed seat goes to the head of the queue and never
// to a newcomer, a waiter that stops asking or releases its place loses it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseRules } from '../../src-shared/seats/rules.ts';
import { testService, who } from './service-helpers.ts';

test('waiters are told their position and served first come first served', async () => {
  const t = testService({ vray: 1 });
  try {
    const holder = t.svc.checkout(who('holder'));
    assert.equal(holder.ok, true);
    const a = t.svc.checkout(who('a', { wait: 600 }));
    const b = t.svc.checkout(who('b', { wait: 600 }));
    assert.deepEqual(
      [a.ok, !a.ok && a.error, !a.ok && 'position' in a && a.position],
      [false, 'queued', 1],
    );
    assert.equal(!b.ok && 'position' in b && b.position, 2);
    // A newcomer without `wait` is refused as before, and told how many wait.
    const c = t.svc.checkout(who('c'));
    assert.equal(!c.ok && c.error, 'no_seat');
    assert.match(!c.ok ? c.message : '', /2 waiting/);
    if (!holder.ok) throw new Error('no lease');
    t.svc.release(holder.leaseId);
    // The seat went to the head of the queue: a asking again gets its lease, b is now first.
    const aAgain = t.svc.checkout(who('a', { wait: 600 }));
    assert.equal(aAgain.ok, true);
    const bAgain = t.svc.checkout(who('b', { wait: 600 }));
    assert.equal(!bAgain.ok && 'position' in bAgain && bAgain.position, 1);
    assert.deepEqual(
      t.svc.status().products[0]?.queue?.map((w) => w.user),
      ['b'],
    );
  } finally {
    await t.close();
  }
});

test('a freed seat goes to the waiter, never to a newcomer that asks first', async () => {
  const t = testService({ vray: 1 });
  try {
    const holder = t.svc.checkout(who('holder'));
    t.svc.checkout(who('waiter', { wait: 600 }));
    // The holder's lease expires (no heartbeats) while the waiter keeps asking; then a
    // newcomer asks before the waiter does.
    t.clock.advance(t.svc.leaseMs / 2);
    t.svc.checkout(who('waiter', { wait: 600 }));
    t.clock.advance(t.svc.leaseMs / 2 + 1);
    const newcomer = t.svc.checkout(who('newcomer', { wait: 600 }));
    assert.equal(!newcomer.ok && newcomer.error, 'queued');
    assert.equal(!newcomer.ok && 'position' in newcomer && newcomer.position, 1);
    const w = t.svc.checkout(who('waiter', { wait: 600 }));
    assert.equal(w.ok, true);
    assert.ok(holder.ok);
  } finally {
    await t.close();
  }
});

test('priority from the rules goes ahead of earlier waiters; equal priorities keep arrival order', async () => {
  const t = testService(
    { vray: 1 },
    { rules: 'group leads lena\npriority 5 group leads\npriority 9 host urgent-host\n' },
  );
  try {
    t.svc.checkout(who('holder'));
    t.svc.checkout(who('a', { wait: 600 }));
    t.svc.checkout(who('b', { wait: 600 }));
    t.svc.checkout(who('lena', { wait: 600 }));
    t.svc.checkout(who('u', { wait: 600, host: 'urgent-host' }));
    const q = t.svc.status().products[0]?.queue ?? [];
    assert.deepEqual(
      q.map((w) => [w.position, w.user, w.priority]),
      [
        [1, 'u', 9],
        [2, 'lena', 5],
        [3, 'a', 0],
        [4, 'b', 0],
      ],
    );
  } finally {
    await t.close();
  }
});

test('a waiter that stops asking loses its place; one that releases its place leaves at once', async () => {
  const t = testService({ vray: 1 });
  try {
    const holder = t.svc.checkout(who('holder'));
    const gone = t.svc.checkout(who('gone', { wait: 3600 }));
    const quits = t.svc.checkout(who('quits', { wait: 3600 }));
    t.svc.checkout(who('stays', { wait: 3600 }));
    assert.ok(!quits.ok && 'queueId' in quits);
    // "quits" gives its place up by its queueId (as a lease is released).
    assert.deepEqual(t.svc.release(quits.queueId), { released: true });
    // "gone" stops asking; "stays" asks again every heartbeat period (the holder heartbeats too).
    for (let i = 0; i < 4; i++) {
      t.clock.advance(t.svc.heartbeatSeconds * 1000);
      if (holder.ok) t.svc.heartbeat(holder.leaseId);
      t.svc.checkout(who('stays', { wait: 3600 }));
    }
    assert.ok(!gone.ok);
    assert.deepEqual(
      t.svc.status().products[0]?.queue?.map((w) => [w.position, w.user]),
      [[1, 'stays']],
    );
    if (holder.ok) t.svc.release(holder.leaseId);
    assert.equal(t.svc.checkout(who('stays', { wait: 3600 })).ok, true);
    assert.equal(t.svc.checkout(who('gone', { wait: 3600 })).ok, false);
  } finally {
    await t.close();
  }
});

test('a waiter is not kept past its own wait', async () => {
  const t = testService({ vray: 1 });
  try {
    t.svc.checkout(who('holder'));
    t.svc.checkout(who('a', { wait: 30 }));
    t.clock.advance(31_000);
    t.svc.reap();
    assert.deepEqual(t.svc.status().products[0]?.queue, []);
  } finally {
    await t.close();
  }
});

test('new rules re-order the queue by their priorities; arrival order stays within a priority', async () => {
  const t = testService({ vray: 1 });
  try {
    t.svc.checkout(who('holder'));
    for (const id of ['a', 'b', 'c']) t.svc.checkout(who(id, { wait: 600 }));
    t.svc.setRules(parseRules('priority 3 user c\n'));
    assert.deepEqual(
      t.svc.status().products[0]?.queue?.map((w) => [w.position, w.user, w.priority]),
      [
        [1, 'c', 3],
        [2, 'a', 0],
        [3, 'b', 0],
      ],
    );
  } finally {
    await t.close();
  }
});
