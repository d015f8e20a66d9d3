// The license server inside the real `clm serve`: the demo pool with no configuration, the
// operator CLI, bridge calls and events, and a restart that serves the cached pool at once.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { SeatHistory, SeatStatus } from '../../src-shared/bridge/calls/seats.ts';
import { get, root, tempDir, waitForLine } from './helpers.ts';
import { eventually, within } from '../support/wait.ts';

const cli = join(root, 'dist/cli.js');
const dirs: { remove(): void }[] = [];
const children: ReturnType<typeof spawn>[] = [];
after(() => {
  for (const c of children) if (c.exitCode === null) killGroup(c);
  dirs.forEach((d) => d.remove());
});

/** SIGKILL of `clm serve` and its embedded cloud child: each serve runs in its own group. */
function killGroup(c: ReturnType<typeof spawn>): void {
  try {
    process.kill(-(c.pid as number), 'SIGKILL');
  } catch {
    // already gone
  }
}

async function serve(dataDir: string) {
  const child = spawn(
    process.execPath,
    [cli, 'serve', '--port', '0', '--data', dataDir, '--json'],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  children.push(child);
  const started = performance.now();
  const m = await waitForLine(child, /^(\{.*"token".*\})$/);
  const { port, token } = JSON.parse(m[1] as string) as { port: number; token: string };
  return { child, base: `http://127.0.0.1:${port}`, token, started };
}

function clm(args: string[]): { code: number; json: Record<string, unknown> } {
  const r = spawnSync(process.execPath, [cli, ...args, '--json'], { cwd: root, encoding: 'utf8' });
  const line = r.stdout.trim().split('\n').pop() ?? '{}';
  return { code: r.status ?? -1, json: JSON.parse(line) as Record<string, unknown> };
}

/** Waits for the status to satisfy `ok` (the pool arrives from the embedded cloud). */
async function statusWhen(base: string, ok: (s: SeatStatus) => boolean): Promise<SeatStatus> {
  return eventually('the seat status to change as expected', async () => {
    const s = (await get<SeatStatus>(`${base}/seat/v1/status`)).body;
    return ok(s) && s;
  });
}

/** What the cloud itself says this account's license server may serve. */
async function poolOf(cloud: string, email: string) {
  const signIn = await fetch(`${cloud}/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'demo1234' }),
  });
  const { accessToken } = (await signIn.json()) as { accessToken: string };
  const res = await fetch(`${cloud}/v1/license-server/pool`, {
    headers: { authorization: `Bearer ${accessToken}` },
  });
  return (await res.json()) as { productCode: string; total: number }[];
}

async function call<T>(base: string, token: string, name: string, input: unknown = {}) {
  const res = await fetch(`${base}/api/call/${name}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'x-clm-bridge': '1',
      'content-type': 'application/json',
    },
    body: JSON.stringify(input),
  });
  return (await res.json()) as
    { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
}

test('clm serve with no configuration serves the demo organization pool, activated as its administrator', async (t) => {
  const d = tempDir();
  dirs.push(d);
  const s = await serve(d.dir);
  const status = await statusWhen(s.base, (x) => x.products.length > 0);
  t.diagnostic(`demo pool served ${Math.round(performance.now() - s.started)} ms after spawn`);
  assert.equal(status.server.account, 'admin@northwind.example');
  assert.equal(status.server.demo, true);
  // Exactly what the cloud gives the administrator's server: the unassigned seats.
  const cloud = status.server.cloudUrl as string;
  const pool = await poolOf(cloud, 'admin@northwind.example');
  assert.deepEqual(
    status.products.map((p) => [p.product, p.total]).sort(),
    pool
      .filter((p) => p.total > 0)
      .map((p) => [p.productCode, p.total])
      .sort(),
  );
  assert.ok(status.products.every((p) => p.sources[0]?.kind === 'entitlement'));

  // Operators: checkout, status, heartbeat, admin release, release twice — over the CLI.
  const product = status.products[0]!.product;
  const server = ['--server', s.base];
  const events = fetch(`${s.base}/api/events`, { headers: { authorization: `Bearer ${s.token}` } });
  const co = clm([
    'checkout',
    '--product',
    product,
    '--user',
    'elena',
    '--host',
    'ws-01',
    '--client-id',
    'max-1',
    ...server,
  ]);
  assert.equal(co.code, 0);
  const leaseId = co.json.leaseId as string;
  assert.equal(co.json.heartbeatSeconds, 60);
  // The bridge event arrives over SSE.
  const reader = (await events).body!.getReader();
  let sse = '';
  while (!sse.includes('event: seats.changed'))
    sse += new TextDecoder().decode(
      (await within('a seats.changed event over SSE', reader.read())).value,
    );
  void reader.cancel();
  assert.match(sse, /event: seats.changed\ndata: \{"at":"[^"]+","products":\[/);

  const st = clm(['status', ...server]).json as unknown as SeatStatus;
  const held = st.products.find((p) => p.product === product)!;
  assert.equal(held.inUse, 1);
  assert.deepEqual(
    held.leases.map((l) => [l.leaseId, l.user, l.host]),
    [[leaseId, 'elena', 'ws-01']],
  );
  const text = spawnSync(process.execPath, [cli, 'status', ...server], { encoding: 'utf8' }).stdout;
  assert.match(text, new RegExp(`Users of ${product} \\(.+\\): 1 / ${held.total} in use`));
  assert.match(text, new RegExp(`elena ws-01, since .+ lease ${leaseId}`));
  assert.equal(clm(['heartbeat', leaseId, ...server]).code, 0);

  const noToken = clm(['lease-release', leaseId, ...server]);
  assert.deepEqual([noToken.code, noToken.json.error], [1, 'unauthorized']);
  const admin = clm(['lease-release', leaseId, '--token', s.token, ...server]);
  assert.deepEqual(admin.json, { leaseId, released: true });
  const hb = clm(['heartbeat', leaseId, ...server]);
  assert.deepEqual([hb.code, hb.json.error], [1, 'lease_expired']);
  assert.equal(clm(['release', leaseId, ...server]).code, 0);
  assert.equal(clm(['release', leaseId, ...server]).code, 0);
  const unknown = clm([
    'checkout',
    '--product',
    'nope',
    '--user',
    'u',
    '--host',
    'h',
    '--client-id',
    'c',
    ...server,
  ]);
  assert.deepEqual(unknown.json, {
    error: 'unknown_product',
    message: 'This license server has no seats of "nope".',
  });

  // Bridge calls the status view uses.
  const viaBridge = await call<SeatStatus>(s.base, s.token, 'seats.status');
  assert.ok(viaBridge.ok && viaBridge.value.products.length === status.products.length);
  const history = await call<SeatHistory>(s.base, s.token, 'seats.history', { hours: 1 });
  assert.ok(history.ok && history.value.times.length >= 1);
  const bad = await call(s.base, s.token, 'seats.releaseLease', {});
  assert.ok(!bad.ok && bad.error.code === 'bad_request');

  // A lease held across kill -9; the restarted server serves the cached pool at once.
  const kept = clm([
    'checkout',
    '--product',
    product,
    '--user',
    'elena',
    '--host',
    'ws-01',
    '--client-id',
    'max-2',
    ...server,
  ]);
  killGroup(s.child); // kill -9 of the server (and of its embedded demo cloud)
  await new Promise((r) => s.child.once('exit', r));
  const again = await serve(d.dir);
  const first = (await get<SeatStatus>(`${again.base}/seat/v1/status`)).body;
  assert.deepEqual(
    first.products.map((p) => [p.product, p.total]),
    status.products.map((p) => [p.product, p.total]),
  );
  assert.deepEqual(
    first.products.find((p) => p.product === product)!.leases.map((l) => l.leaseId),
    [kept.json.leaseId],
  );

  // `clm activate` switches the server to a member's account: it serves the member's seats.
  const member = 'marco.rossi@northwind.example';
  const act = spawnSync(
    process.execPath,
    [
      cli,
      'activate',
      '--email',
      member,
      '--password-stdin',
      '--token',
      again.token,
      '--server',
      again.base,
      '--json',
    ],
    { cwd: root, encoding: 'utf8', input: 'demo1234\n' },
  );
  assert.equal(act.status, 0, act.stdout + act.stderr);
  assert.equal((JSON.parse(act.stdout) as { account: string }).account, member);
  const served = (await get<SeatStatus>(`${again.base}/seat/v1/status`)).body;
  const memberPool = await poolOf(served.server.cloudUrl as string, member);
  assert.equal(served.server.account, member);
  assert.deepEqual(
    served.products
      .filter((p) => p.total > 0)
      .map((p) => [p.product, p.total])
      .sort(),
    memberPool
      .filter((p) => p.total > 0)
      .map((p) => [p.productCode, p.total])
      .sort(),
  );
  const wrong = spawnSync(
    process.execPath,
    [
      cli,
      'activate',
      '--email',
      member,
      '--password-stdin',
      '--token',
      again.token,
      '--server',
      again.base,
      '--json',
    ],
    { cwd: root, encoding: 'utf8', input: 'wrong-password\n' },
  );
  assert.equal(wrong.status, 1);
  assert.equal((await get<SeatStatus>(`${again.base}/seat/v1/status`)).body.server.account, member);
  again.child.kill('SIGTERM');
  await new Promise((r) => again.child.once('exit', r));
});

test('with a real cloud, the first sign-in on the machine activates its license server with that account', async () => {
  const d = tempDir();
  dirs.push(d);
  const cloudChild = spawn(
    process.execPath,
    [
      cli,
      'cloud',
      '--port',
      '0',
      '--data',
      join(d.dir, 'cloud'),
      '--seed',
      join(root, 'resources/demo-seed.json'),
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  children.push(cloudChild);
  const cloud = (await waitForLine(cloudChild, /listening on (http:\/\/\S+)/))[1] as string;
  const child = spawn(
    process.execPath,
    [cli, 'serve', '--port', '0', '--data', join(d.dir, 'desk'), '--cloud', cloud, '--json'],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  children.push(child);
  const line = JSON.parse((await waitForLine(child, /^(\{.*"token".*\})$/))[1] as string) as {
    port: number;
    token: string;
  };
  const base = `http://127.0.0.1:${line.port}`;
  const before = (await get<SeatStatus>(`${base}/seat/v1/status`)).body;
  assert.equal(before.server.account, null);
  assert.deepEqual(before.products, []);

  const member = 'marco.rossi@northwind.example';
  const signedIn = await call(base, line.token, 'session.signIn', {
    email: member,
    password: 'demo1234',
  });
  assert.ok(signedIn.ok);
  const after = await statusWhen(base, (s) => s.server.account === member && s.products.length > 0);
  const pool = await poolOf(cloud, member);
  assert.deepEqual(
    after.products.map((p) => [p.product, p.total]).sort(),
    pool
      .filter((p) => p.total > 0)
      .map((p) => [p.productCode, p.total])
      .sort(),
  );
  assert.equal(after.server.demo, false);

  // The server's session was delegated from the UI's (test/seats/delegated-activation.test.ts
  // proves no password is involved): signing out of the UI leaves it, and another account's
  // sign-in does not switch it.
  assert.ok((await call(base, line.token, 'session.signOut', {})).ok);
  const admin = await call(base, line.token, 'session.signIn', {
    email: 'admin@northwind.example',
    password: 'demo1234',
  });
  assert.ok(admin.ok);
  const fetchedBefore = after.server.poolFetchedAt ?? '';
  // Signing out refreshes the server's pool (pool.changed): with its own session, it still can.
  const later = await statusWhen(
    base,
    (s) => s.server.message !== undefined || (s.server.poolFetchedAt ?? '') > fetchedBefore,
  );
  assert.equal(later.server.account, member);
  assert.equal(later.server.message, undefined);
  child.kill('SIGTERM');
  cloudChild.kill('SIGTERM');
  await Promise.all([child, cloudChild].map((c) => new Promise((r) => c.once('exit', r))));
});
