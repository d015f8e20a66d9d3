// `clm serve` tuning flags as a render-farm operator uses them: heartbeat, lease length and the
// per-address rate limit reach /seat/v1/status and `clm status`; bad values start nothing.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SeatStatus } from '../../src-shared/bridge/calls/seats.ts';
import { rawRequest, root, tempDir, waitForLine, type RawReply } from './helpers.ts';

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

async function serve(flags: string[]) {
  const d = tempDir();
  dirs.push(d);
  const child = spawn(
    process.execPath,
    [cli, 'serve', '--port', '0', '--data', d.dir, '--json', ...flags],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  children.push(child);
  const m = await waitForLine(child, /^(\{.*"token".*\})$/);
  const { port } = JSON.parse(m[1] as string) as { port: number };
  return {
    child,
    port,
    base: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<number | null>((resolve) => {
        child.once('exit', (code) => resolve(code));
        child.kill('SIGTERM');
      }),
  };
}

function clm(args: string[]) {
  return spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8' });
}

/**
 * A seat request from a chosen loopback address (127.0.0.0/8 is all this machine), so the test
 * can be several client addresses, as a render farm is, against the per-address limit.
 */
function seatRequest(
  port: number,
  from: string,
  path: string,
  body?: Record<string, unknown>,
): Promise<RawReply> {
  return rawRequest(
    {
      host: '127.0.0.1',
      port,
      localAddress: from,
      path: `/seat/v1/${path}`,
      method: body ? 'POST' : 'GET',
      headers: { 'content-type': 'application/json', connection: 'close' },
    },
    body ? JSON.stringify(body) : undefined,
  );
}

test('--heartbeat, --lease-heartbeats and the rate limit show in the status; the third immediate checkout from one address answers 429', async () => {
  const s = await serve([
    '--heartbeat',
    '30',
    '--lease-heartbeats',
    '4',
    '--rate-burst',
    '2',
    '--rate-per-second',
    '1',
  ]);
  // Two status requests from 127.0.0.1: exactly its burst.
  const json = clm(['status', '--server', s.base, '--json']);
  assert.equal(json.status, 0, json.stderr);
  const status = JSON.parse(json.stdout) as SeatStatus;
  assert.equal(status.heartbeatSeconds, 30);
  assert.equal(status.leaseSeconds, 120);
  assert.deepEqual(status.rateLimit, { burst: 2, perSecond: 1 });
  const text = clm(['status', '--server', s.base]).stdout;
  assert.match(text, /^Heartbeat every 30 s; a lease expires 120 s after the last one\.$/m);
  assert.match(
    text,
    /^Rate limit per client address: a burst of 2 requests, then 1 per second\.$/m,
  );

  // The demo pool arrives from the embedded cloud; each poll comes from a fresh address.
  let product: string | undefined;
  for (let i = 10; !product; i++) {
    const st = await seatRequest(s.port, `127.0.0.${i}`, 'status');
    assert.equal(st.status, 200);
    product = (st.body as unknown as SeatStatus).products.find((p) => p.total > 0)?.product;
    if (!product) await new Promise((r) => setTimeout(r, 20));
  }
  const checkout = { product, user: 'elena', host: 'node-07', clientId: 'vray-node-07' };
  const first = await seatRequest(s.port, '127.0.0.2', 'checkout', checkout);
  const second = await seatRequest(s.port, '127.0.0.2', 'checkout', checkout);
  const third = await seatRequest(s.port, '127.0.0.2', 'checkout', checkout);
  assert.equal(first.status, 200);
  assert.equal(first.body.heartbeatSeconds, 30);
  const leaseMs = Date.parse(first.body.expiresAt as string) - Date.now();
  assert.ok(leaseMs > 115_000 && leaseMs <= 120_000, `the lease lives 120 s, not ${leaseMs} ms`);
  assert.equal(second.status, 200);
  assert.equal(second.body.leaseId, first.body.leaseId);
  assert.equal(third.status, 429);
  assert.equal(third.headers['retry-after'], '1');
  assert.deepEqual(third.body, {
    error: 'rate_limited',
    message: 'Too many requests from this address; retry in 1 s.',
  });
  // The limit is per address: another render node is not slowed down by this one.
  const other = await seatRequest(s.port, '127.0.0.3', 'checkout', {
    ...checkout,
    clientId: 'vray-node-08',
  });
  assert.notEqual(other.status, 429);
  assert.equal(await s.stop(), 0);
});

test('--rate-burst 0 turns the rate limit off; heartbeat and lease keep their defaults', async () => {
  const s = await serve(['--rate-burst', '0']);
  const status = JSON.parse(clm(['status', '--server', s.base, '--json']).stdout) as SeatStatus;
  assert.equal(status.heartbeatSeconds, 60);
  assert.equal(status.leaseSeconds, 180);
  assert.equal(status.rateLimit, null);
  assert.match(clm(['status', '--server', s.base]).stdout, /^No rate limit per client address\.$/m);
  const burst = await Promise.all(
    Array.from({ length: 20 }, () => seatRequest(s.port, '127.0.0.2', 'status')),
  );
  assert.deepEqual(new Set(burst.map((r) => r.status)), new Set([200]));
  assert.equal(await s.stop(), 0);
});

test('bad flag values: exit code 1, a message naming the flag and its range, nothing started', () => {
  const range = {
    heartbeat: 'a whole number of seconds from 5 to 3600',
    lease: 'a whole number from 2 to 100',
    rate: 'a whole number from 0 to 100000 (0 turns the rate limit off)',
  };
  const cases: [string[], string][] = [
    [['--heartbeat', '4'], `--heartbeat must be ${range.heartbeat}, not "4"`],
    [['--heartbeat', '3601'], `--heartbeat must be ${range.heartbeat}, not "3601"`],
    [['--heartbeat', '1.5'], `--heartbeat must be ${range.heartbeat}, not "1.5"`],
    [['--heartbeat', 'soon'], `--heartbeat must be ${range.heartbeat}, not "soon"`],
    [['--lease-heartbeats', '1'], `--lease-heartbeats must be ${range.lease}, not "1"`],
    [['--lease-heartbeats', '101'], `--lease-heartbeats must be ${range.lease}, not "101"`],
    [['--rate-burst=-1'], `--rate-burst must be ${range.rate}, not "-1"`],
    [['--rate-burst', '100001'], `--rate-burst must be ${range.rate}, not "100001"`],
    [['--rate-per-second', '0.5'], `--rate-per-second must be ${range.rate}, not "0.5"`],
    [['--rate-per-second', 'many'], `--rate-per-second must be ${range.rate}, not "many"`],
  ];
  const d = tempDir();
  dirs.push(d);
  const dataDir = join(d.dir, 'never-created');
  for (const [flags, message] of cases) {
    const r = clm(['serve', '--port', '0', '--data', dataDir, ...flags]);
    assert.equal(r.status, 1, `${flags.join(' ')}: ${r.stderr}`);
    assert.equal(r.stderr, `clm serve: ${message}\n`);
    assert.equal(r.stdout, '', 'no URL printed: nothing listens');
    assert.equal(existsSync(dataDir), false, 'no data folder: the core never opened');
  }

  const help = clm(['serve', '--help']).stdout;
  for (const line of [
    /--heartbeat VALUE +seconds between a seat client's heartbeats \(default 60; 5-3600\)/,
    /--lease-heartbeats VALUE +a lease lives N heartbeat periods after the last heartbeat \(default 3; 2-100\)/,
    /--rate-burst VALUE +.*\(default 200; 0 turns the rate limit off\)/,
    /--rate-per-second VALUE +.*\(default 50; 0 turns the rate limit off\)/,
    /--expose-ui +.*the login token then travels unencrypted/,
  ])
    assert.match(help, line);
});

/** Resolves when the child's stderr has printed a line matching `re`; fails after 10 s. */
function stderrLine(child: ReturnType<typeof spawn>, re: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(
      () => reject(new Error(`no "${re}" on stderr within 10 s: ${text}`)),
      10_000,
    );
    const on = (d: Buffer) => {
      text += d.toString();
      const m = text.match(re);
      if (m) {
        clearTimeout(timer);
        child.stderr?.off('data', on);
        resolve(m[0]);
      }
    };
    child.stderr?.on('data', on);
  });
}

test('--rules: refusals name the rule; SIGHUP reloads, a bad file is refused and the old rules stay', async () => {
  const d = tempDir();
  dirs.push(d);
  const file = join(d.dir, 'seat-rules.txt');
  writeFileSync(file, '# farm rules\ndeny * user mallory\n');
  const s = await serve(['--rules', file]);
  try {
    let product = '';
    for (let i = 0; i < 200 && !product; i++) {
      const st = (await seatRequest(s.port, '127.0.0.1', 'status')).body as unknown as SeatStatus;
      product = st.products[0]?.product ?? '';
      if (!product) await new Promise((r) => setTimeout(r, 25));
    }
    assert.ok(product, 'the demo pool appeared');
    const mallory = { product, user: 'mallory', host: 'rn-9', clientId: 'm' };
    const denied = await seatRequest(s.port, '127.0.0.1', 'checkout', mallory);
    assert.deepEqual([denied.status, denied.body.error, denied.body.rule], [403, 'denied', 2]);

    writeFileSync(file, 'deny * user\n');
    const refused = stderrLine(s.child, /Rules file refused.*Rules line 1 \("deny \* user"\)/);
    s.child.kill('SIGHUP');
    await refused;
    assert.equal((await seatRequest(s.port, '127.0.0.1', 'checkout', mallory)).status, 403);

    writeFileSync(file, '# nobody denied\n');
    const reloaded = stderrLine(s.child, /Rules reloaded from/);
    s.child.kill('SIGHUP');
    await reloaded;
    assert.equal((await seatRequest(s.port, '127.0.0.1', 'checkout', mallory)).status, 200);
  } finally {
    await s.stop();
  }
});

test('a bad --rules file at start: exit code 1, a message naming the line, nothing started', () => {
  const d = tempDir();
  dirs.push(d);
  const file = join(d.dir, 'bad-rules.txt');
  writeFileSync(file, 'allow vray user alice\nmax lots vray user bob\n');
  const r = clm(['serve', '--port', '0', '--data', d.dir, '--rules', file]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /Rules line 2 \("max lots vray user bob"\): "lots" is not a whole number/);
});
