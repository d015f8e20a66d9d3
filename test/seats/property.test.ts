// Property tests of the seat service (fast-check): random interleavings of checkout (with and
// without wait), heartbeat, release, expiry, rule reloads and restarts never over-subscribe,
// never lose a lease, and always serve the queue in order (priority, then arrival).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { manualClock } from '../../src-shared/clock.ts';
import { parseRules } from '../../src-shared/seats/rules.ts';
import { CachedSeatSource } from '../../src-main/seats/pool.ts';
import { SeatService } from '../../src-main/seats/service.ts';
import { tempDir } from './helpers.ts';

const TOTAL = 3;
const CLIENTS = 6;
const RULES = [
  '',
  'priority 5 user u1\npriority 2 user u4',
  'deny vray user u2\npriority 9 host h5',
  'group g u0 u3\npriority 3 group g',
];

type Op =
  | { op: 'checkout'; c: number; wait: number }
  | { op: 'heartbeat' | 'release'; c: number }
  | { op: 'advance'; ms: number }
  | { op: 'reap' }
  | { op: 'rules'; i: number }
  | { op: 'restart' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      op: fc.constant('checkout' as const),
      c: fc.nat(CLIENTS - 1),
      wait: fc.constantFrom(0, 0, 60, 600),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ op: fc.constant('heartbeat' as const), c: fc.nat(CLIENTS - 1) }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ op: fc.constant('release' as const), c: fc.nat(CLIENTS - 1) }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('advance' as const),
      ms: fc.constantFrom(1_000, 30_000, 90_000, 200_000),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ op: 'reap' as const }) },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant('rules' as const), i: fc.nat(RULES.length - 1) }),
  },
  { weight: 1, arbitrary: fc.constant({ op: 'restart' as const }) },
);

const body = (c: number, wait: number) => ({
  product: 'vray',
  user: `u${c}`,
  host: `h${c}`,
  clientId: `c${c}`,
  ...(wait ? { wait } : {}),
});

test('no interleaving over-subscribes, loses a lease, or serves the queue out of order', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 50 }), async (ops) => {
      const d = tempDir('clm-prop-');
      const clock = manualClock(Date.now());
      let rulesText = '';
      const open = () => {
        const svc = new SeatService({
          dataDir: d.dir,
          clock,
          reapIntervalMs: 0,
          sampleIntervalMs: 0,
        });
        const pool = new CachedSeatSource(svc.pool.cache, 'fixed');
        pool.set([{ product: 'vray', name: 'V-Ray', total: TOTAL }]);
        svc.addSource(pool);
        svc.setRules(parseRules(rulesText));
        // Queue order: the waiter granted has no one left ahead of it.
        svc.onQueueGrant((w) => {
          for (const r of svc.queue.of('vray'))
            assert.ok(
              r.priority < w.priority || (r.priority === w.priority && r.seq > w.seq),
              `${w.body.clientId} was served before ${r.body.clientId}`,
            );
        });
        return svc;
      };
      let svc = open();
      // What each client holds as far as it knows: its lease and when it ends.
      const held = new Map<number, { leaseId: string; expiresAt: number }>();
      try {
        for (const o of ops) {
          if (o.op === 'checkout') {
            const waitersBefore = svc.queue.size('vray');
            const wasWaiting = svc.queue.find('vray', `c${o.c}`) !== undefined;
            const r = svc.checkout(body(o.c, o.wait));
            if (r.ok) {
              const mine = held.get(o.c);
              if (mine && mine.expiresAt > clock())
                assert.equal(r.leaseId, mine.leaseId, 'a live lease came back');
              else if (!wasWaiting && waitersBefore > 0)
                assert.equal(
                  svc.queue.size('vray'),
                  0,
                  'a newcomer took a seat while others waited',
                );
              held.set(o.c, { leaseId: r.leaseId, expiresAt: r.expiresAt });
            }
          } else if (o.op === 'heartbeat') {
            const mine = held.get(o.c);
            if (!mine) continue;
            const r = svc.heartbeat(mine.leaseId);
            if (mine.expiresAt > clock()) assert.ok(r.ok, `the live lease of c${o.c} was lost`);
            if (r.ok) mine.expiresAt = r.expiresAt;
            else held.delete(o.c);
          } else if (o.op === 'release') {
            const mine = held.get(o.c);
            if (mine) svc.release(mine.leaseId);
            held.delete(o.c);
          } else if (o.op === 'advance') clock.advance(o.ms);
          else if (o.op === 'reap') svc.reap();
          else if (o.op === 'rules') {
            rulesText = RULES[o.i] as string;
            svc.setRules(parseRules(rulesText));
          } else {
            await svc.close();
            svc = open();
          }
          const st = svc.status().products[0];
          assert.ok(st && st.inUse <= TOTAL, `over-subscribed: ${st?.inUse} of ${TOTAL}`);
          const live = new Set(st.leases.map((l) => l.leaseId));
          for (const [c, h] of held)
            if (h.expiresAt > clock())
              assert.ok(live.has(h.leaseId), `the status lost c${c}'s lease`);
        }
      } finally {
        await svc.close();
        d.remove();
      }
    }),
    { numRuns: 40 },
  );
});
