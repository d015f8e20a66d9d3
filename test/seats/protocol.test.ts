// Seat protocol v1 over real HTTP: grants, own lease back, release twice, unknown product,
// expiry (410), zombie reaping, restart, pool shrink, rate limit (429), bad input (400).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSeatServer, type RunningSeatServer } from '../../src-main/seats/standalone.ts';
import type { SeatStatus } from '../../src-shared/bridge/calls/seats.ts';
import { get, post, tempDir } from './helpers.ts';

const dirs: { remove(): void }[] = [];
after(() => dirs.forEach((d) => d.remove()));

// A manual clock from the start of this hour (minute samples line up), whatever the day.
let now = Math.floor(Date.now() / 3_600_000) * 3_600_000;
const clock = () => now;

async function server(
  seats: { product: string; name: string; total: number }[] | undefined,
  extra: Partial<Parameters<typeof startSeatServer>[0]> = {},
): Promise<RunningSeatServer & { dir: string }> {
  const d = extra.dataDir ? { dir: extra.dataDir, remove() {} } : tempDir();
  dirs.push(d);
  const s = await startSeatServer({
    dataDir: d.dir,
    seats,
    clock,
    reapIntervalMs: 0,
    sampleIntervalMs: 0,
    rateLimit: false,
    ...extra,
  });
  return Object.assign(s, { dir: d.dir });
}

const vray = { product: 'vray', name: 'V-Ray for 3ds Max', total: 2 };
const co = (clientId: string, product = 'vray') => ({
  product,
  user: `user-${clientId}`,
  host: `host-${clientId}`,
  clientId,
});

test('checkout grants seats up to the pool, then 409 no_seat with a message', async () => {
  const s = await server([vray]);
  try {
    const a = await post(`${s.url}/seat/v1/checkout`, co('a'));
    assert.equal(a.status, 200);
    assert.equal(a.body.product, 'vray');
    assert.equal(a.body.heartbeatSeconds, 60);
    assert.equal(a.body.expiresAt, new Date(now + 180_000).toISOString());
    assert.match(String(a.body.leaseId), /^[0-9a-f-]{36}$/);
    assert.equal((await post(`${s.url}/seat/v1/checkout`, co('b'))).status, 200);
    const c = await post(`${s.url}/seat/v1/checkout`, co('c'));
    assert.equal(c.status, 409);
    assert.deepEqual(c.body, {
      error: 'no_seat',
      message: 'No free seat of "vray": all 2 seats are in use.',
    });
  } finally {
    await s.close();
  }
});

test('the same client checking out the same product gets its own lease back', async () => {
  const s = await server([vray]);
  try {
    const first = await post(`${s.url}/seat/v1/checkout`, co('a'));
    now += 30_000;
    const again = await post(`${s.url}/seat/v1/checkout`, co('a'));
    assert.equal(again.status, 200);
    assert.equal(again.body.leaseId, first.body.leaseId);
    assert.equal(again.body.expiresAt, new Date(now + 180_000).toISOString());
    const st = await get<SeatStatus>(`${s.url}/seat/v1/status`);
    assert.equal(st.body.products[0]?.inUse, 1);
  } finally {
    await s.close();
  }
});

test('release answers {} and releasing twice is harmless; the seat is free again', async () => {
  const s = await server([{ ...vray, total: 1 }]);
  try {
    const a = await post(`${s.url}/seat/v1/checkout`, co('a'));
    const r1 = await post(`${s.url}/seat/v1/release`, { leaseId: a.body.leaseId });
    const r2 = await post(`${s.url}/seat/v1/release`, { leaseId: a.body.leaseId });
    assert.deepEqual([r1.status, r1.body, r2.status, r2.body], [200, {}, 200, {}]);
    assert.equal((await post(`${s.url}/seat/v1/checkout`, co('b'))).status, 200);
  } finally {
    await s.close();
  }
});

test('unknown product answers 404 unknown_product', async () => {
  const s = await server([vray]);
  try {
    const r = await post(`${s.url}/seat/v1/checkout`, co('a', 'phoenix'));
    assert.equal(r.status, 404);
    assert.deepEqual(r.body, {
      error: 'unknown_product',
      message: 'This license server has no seats of "phoenix".',
    });
  } finally {
    await s.close();
  }
});

test('heartbeats keep a lease; a lease without heartbeats expires and answers 410', async () => {
  const s = await server([vray]);
  try {
    const a = await post(`${s.url}/seat/v1/checkout`, co('a'));
    now += 150_000;
    const hb = await post(`${s.url}/seat/v1/heartbeat`, { leaseId: a.body.leaseId });
    assert.equal(hb.status, 200);
    assert.deepEqual(hb.body, { expiresAt: new Date(now + 180_000).toISOString() });
    now += 179_000;
    assert.equal(
      (await post(`${s.url}/seat/v1/heartbeat`, { leaseId: a.body.leaseId })).status,
      200,
    );
    now += 180_001;
    const late = await post(`${s.url}/seat/v1/heartbeat`, { leaseId: a.body.leaseId });
    assert.equal(late.status, 410);
    assert.deepEqual(late.body, {
      error: 'lease_expired',
      message: `Lease ${String(a.body.leaseId)} has expired or was released; check out a seat again.`,
    });
    const released = await post(`${s.url}/seat/v1/heartbeat`, { leaseId: 'no-such-lease' });
    assert.equal(released.status, 410);
  } finally {
    await s.close();
  }
});

test('zombie leases are reaped: their seats go to other clients and leave the status', async () => {
  const s = await server([{ ...vray, total: 1 }], { reapIntervalMs: 10, changeThrottleMs: 1 });
  try {
    const zombie = await post(`${s.url}/seat/v1/checkout`, co('zombie'));
    assert.equal((await post(`${s.url}/seat/v1/checkout`, co('b'))).status, 409);
    const reaped = new Promise((resolve) => s.service.onChanged(resolve));
    now += 180_000;
    await reaped; // the reaper timer deleted the row and announced it
    const st = await get<SeatStatus>(`${s.url}/seat/v1/status`);
    assert.deepEqual(st.body.products[0]?.leases, []);
    assert.equal(st.body.products[0]?.inUse, 0);
    assert.equal((await post(`${s.url}/seat/v1/checkout`, co('b'))).status, 200);
    const z = await post(`${s.url}/seat/v1/heartbeat`, { leaseId: zombie.body.leaseId });
    assert.equal(z.status, 410);
  } finally {
    await s.close();
  }
});

test('a restart keeps live leases and reaps the ones that expired meanwhile', async () => {
  const first = await server([vray]);
  const a = await post(`${first.url}/seat/v1/checkout`, co('a'));
  now += 120_000;
  const b = await post(`${first.url}/seat/v1/checkout`, co('b'));
  await first.close();
  now += 100_000; // a expired while the server was down, b is still live
  const second = await server(undefined, { dataDir: first.dir });
  try {
    const st = await get<SeatStatus>(`${second.url}/seat/v1/status`);
    const p = st.body.products.find((x) => x.product === 'vray');
    assert.deepEqual(
      p?.leases.map((l) => l.leaseId),
      [b.body.leaseId],
    );
    // The pool itself came back from the cache, so the seat freed by a can be taken.
    assert.equal(p?.total, 2);
    assert.equal(
      (await post(`${second.url}/seat/v1/heartbeat`, { leaseId: a.body.leaseId })).status,
      410,
    );
    assert.equal(
      (await post(`${second.url}/seat/v1/heartbeat`, { leaseId: b.body.leaseId })).status,
      200,
    );
  } finally {
    await second.close();
  }
});

test('when the pool shrinks, the newest leases end at their next heartbeat', async () => {
  const s = await server([vray]);
  try {
    const a = await post(`${s.url}/seat/v1/checkout`, co('a'));
    now += 1000;
    const b = await post(`${s.url}/seat/v1/checkout`, co('b'));
    const fixed = new (await import('../../src-main/seats/pool.ts')).CachedSeatSource(
      s.service.pool.cache,
      'fixed',
    );
    s.service.addSource(fixed); // replaces the source with the same id
    fixed.set([{ ...vray, total: 1 }]);
    assert.equal(
      (await post(`${s.url}/seat/v1/heartbeat`, { leaseId: b.body.leaseId })).status,
      410,
    );
    assert.equal(
      (await post(`${s.url}/seat/v1/heartbeat`, { leaseId: a.body.leaseId })).status,
      200,
    );
    assert.equal((await post(`${s.url}/seat/v1/checkout`, co('c'))).status, 409);
  } finally {
    await s.close();
  }
});

test('rate limit: a client over its burst gets 429 with Retry-After', async () => {
  const s = await server([vray], { rateLimit: { perSecond: 1, burst: 3 } });
  try {
    for (let i = 0; i < 3; i++) assert.equal((await get(`${s.url}/seat/v1/status`)).status, 200);
    const r = await post(`${s.url}/seat/v1/checkout`, co('a'));
    assert.equal(r.status, 429);
    assert.equal(r.headers.get('retry-after'), '1');
    assert.deepEqual(r.body, {
      error: 'rate_limited',
      message: 'Too many requests from this address; retry in 1 s.',
    });
  } finally {
    await s.close();
  }
});

test('bad JSON, missing or wrong fields answer 400 {error, message} and change nothing', async () => {
  const s = await server([vray]);
  try {
    const cases: [string, string, string][] = [
      ['checkout', '{bad', 'Invalid request: the body is not valid JSON.'],
      ['checkout', '[]', 'Invalid checkout request: the body must be a JSON object'],
      [
        'checkout',
        '{"product":"vray","user":"u","host":"h"}',
        'Invalid checkout request: clientId is required',
      ],
      [
        'checkout',
        '{"product":"vray","user":"u","host":"h","clientId":7}',
        'Invalid checkout request: clientId must be string',
      ],
      ['heartbeat', '', 'Invalid request: the body is not valid JSON.'],
      ['heartbeat', '{}', 'Invalid heartbeat request: leaseId is required'],
      ['release', 'null', 'Invalid release request: the body must be a JSON object'],
      [
        'release',
        '{"leaseId":""}',
        'Invalid release request: leaseId must not have fewer than 1 characters',
      ],
    ];
    for (const [path, body, message] of cases) {
      const r = await post(`${s.url}/seat/v1/${path}`, body);
      assert.equal(r.status, 400, `${path} ${body}`);
      assert.deepEqual(r.body, { error: 'bad_request', message }, `${path} ${body}`);
    }
    const st = await get<SeatStatus>(`${s.url}/seat/v1/status`);
    assert.equal(st.body.products[0]?.inUse, 0);
    const wrong = await fetch(`${s.url}/seat/v1/checkout`);
    assert.equal(wrong.status, 405);
    assert.equal(wrong.headers.get('allow'), 'POST');
    const none = await post(`${s.url}/seat/v1/borrow`, {});
    assert.equal(none.status, 404);
    assert.equal(none.body.error, 'not_found');
  } finally {
    await s.close();
  }
});

test('history keeps one sample per minute per product, pruned after 30 days', async () => {
  const s = await server([vray]);
  try {
    const start = now;
    s.service.sample();
    await post(`${s.url}/seat/v1/checkout`, co('a'));
    now += 60_000;
    s.service.sample();
    now += 60_000;
    await post(`${s.url}/seat/v1/checkout`, co('b'));
    s.service.sample();
    const h = s.service.history(1);
    assert.equal(h.times.length, 3);
    assert.deepEqual(h.products[0]?.inUse, [0, 1, 2]);
    assert.equal(h.products[0]?.total, 2);
    // A long range comes in buckets with each bucket's peak.
    const long = s.service.history(720);
    assert.ok(long.times.length <= 2);
    assert.equal(Math.max(...(long.products[0]?.inUse as number[])), 2);
    now = start + 31 * 24 * 3600_000;
    s.service.sample();
    assert.equal(s.service.history(720).times.length, 1);
  } finally {
    await s.close();
  }
});
