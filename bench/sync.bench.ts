// The desktop sync engine at organization scale, over real HTTP against `clm cloud` in its own
// process: sign-in + initial sync of 10,000 users and 50,000 assignments into an empty replica
// (< 1 s), an incremental sync of 100 changes (< 20 ms), and the main process's RSS after it (< 200 MB).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Core } from '../src-main/core/core.ts';
import {
  BIG_ADMIN,
  BIG_PRODUCTS,
  buildBigOrg,
  startCloudProcess,
} from '../test/support/big-org.ts';
import { pullBytes } from '../test/support/pull-size.ts';
import { atMost, info, type Bench } from './lib.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const USERS = 10_000;
const PURCHASES = BIG_PRODUCTS.length;
const CHANGES = 100;
const ADMIN = BIG_ADMIN.email;
const PASSWORD = BIG_ADMIN.password;

/** Where the memory is at a stage of the bench (CLM_BENCH_MEM=1 prints it on stderr). */
function memAt(stage: string): void {
  if (!process.env.CLM_BENCH_MEM) return;
  const m = process.memoryUsage();
  const mb = (n: number) => (n / 1e6).toFixed(1);
  process.stderr.write(
    `${stage}: rss ${mb(m.rss)} heap ${mb(m.heapUsed)}/${mb(m.heapTotal)} external ${mb(m.external)} buffers ${mb(m.arrayBuffers)}\n`,
  );
}

/** RSS of a `clm serve` child signed in as the admin over its bridge, once its sync is done. */
async function serveRssAfterSync(cloudUrl: string): Promise<number> {
  const dataDir = mkdtempSync(join(tmpdir(), 'clm-sync-bench-serve-'));
  const serve = spawn(
    process.execPath,
    [
      join(root, 'dist/cli.js'),
      'serve',
      '--port',
      '0',
      '--data',
      dataDir,
      '--cloud',
      cloudUrl,
      '--credential-file',
      join(dataDir, 'credential'),
      '--json',
    ],
    { stdio: ['ignore', 'pipe', 'ignore'] },
  );
  try {
    const lines = createInterface({ input: serve.stdout as NodeJS.ReadableStream });
    const { port, token } = await new Promise<{ port: number; token: string }>(
      (resolve, reject) => {
        serve.once('exit', (code) => reject(new Error(`clm serve exited with ${code}`)));
        lines.on('line', (line) => {
          if (line.startsWith('{')) resolve(JSON.parse(line) as { port: number; token: string });
        });
      },
    );
    const call = async (name: string, input: unknown) => {
      const res = await fetch(`http://127.0.0.1:${port}/api/call/${name}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'x-clm-bridge': '1',
          'content-type': 'application/json',
        },
        body: JSON.stringify(input),
      });
      const env = (await res.json()) as { ok: boolean; error?: { message: string } };
      if (!env.ok) throw new Error(`${name}: ${env.error?.message}`);
      return env;
    };
    // Sign-in answers after the first sync round has committed the whole organization.
    await call('session.signIn', { email: ADMIN, password: PASSWORD });
    await call('org.users', { pageSize: 50 });
    const status = readFileSync(`/proc/${serve.pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
    return kb / 1024;
  } finally {
    const exited = new Promise((resolve) => serve.once('exit', resolve));
    serve.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const bench: Bench = async () => {
  const cloudDir = mkdtempSync(join(tmpdir(), 'clm-sync-bench-cloud-'));
  const coreDir = mkdtempSync(join(tmpdir(), 'clm-sync-bench-core-'));
  let child: ChildProcess | undefined;
  let core: Core | undefined;
  try {
    memAt('start');
    await buildBigOrg(cloudDir, { users: USERS });
    memAt('organization built');
    const cloud = await startCloudProcess(cloudDir);
    child = cloud.child;
    core = await Core.open({
      dataDir: coreDir,
      cloudUrl: cloud.url,
      credentialFile: join(coreDir, 'credential'),
      logEcho: (line) => {
        if (process.env.CLM_BENCH_LOG) process.stderr.write(line + '\n');
      },
    });

    // Initial: sign-in, then push (nothing), pull of the whole organization, snapshot, all committed.
    // The clock starts when the cloud has answered the sign-in (the password check is not sync).
    let t0 = 0;
    const off = core.on('session.changed', (s) => {
      if (s.signedIn && !t0) t0 = performance.now();
    });
    const tSign = performance.now();
    await core.signIn(ADMIN, PASSWORD);
    const initialMs = performance.now() - t0;
    const signInMs = t0 - tSign;
    off();
    memAt('initial sync');
    if (
      core.sync.store.count('users') !== USERS ||
      core.sync.store.count('assignments') !== USERS * PURCHASES
    )
      throw new Error('the initial sync is missing rows');
    // The first page of the user list, as the Organization view asks for it right after.
    const t1 = performance.now();
    const page = core.orgUsers({ pageSize: 50 }, new Date().toISOString());
    const firstPageMs = performance.now() - t1;
    if (page.total !== USERS) throw new Error('the user list is incomplete');
    memAt('first page');

    // 100 changes made by another client of the same cloud (credit access of 100 users).
    const signIn = await fetch(`${cloud.url}/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: ADMIN, password: PASSWORD }),
    });
    const { accessToken } = (await signIn.json()) as { accessToken: string };
    // Pull sizes are measured on the wire with this session: the same answers the core gets.
    const fullBytes = await pullBytes(cloud.url, accessToken, 0);
    const userIds = Array.from({ length: CHANGES }, (_, i) => `acc-${i * 7}`);
    const r = await fetch(`${cloud.url}/v1/org/credit-access`, {
      method: 'POST',
      headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ userIds, access: { mode: 'limit', limit: 75 } }),
    });
    if (r.status !== 200) throw new Error(`credit access answered ${r.status}`);

    // Incremental: the feed since the cursor, applied in one transaction (median of rounds: one
    // round brings the 100 rows, the rest measure the same path with an empty answer are excluded).
    const cursor = core.sync.store.cursor();
    const t2 = performance.now();
    const changed = await core.sync.pullFeed();
    const incrementalMs = performance.now() - t2;
    const incBytes = await pullBytes(cloud.url, accessToken, cursor);
    if (!changed?.includes('creditAccess')) throw new Error('the incremental sync brought nothing');
    const t3 = performance.now();
    await core.syncNow();
    const roundMs = performance.now() - t3;
    // Collect the garbage of the 10 MB answer before reading RSS, as an idle app would have.
    setFlagsFromString('--expose-gc');
    (runInNewContext('gc') as () => void)();
    const benchRssMb = process.memoryUsage().rss / 1e6;
    memAt('after gc');
    // The product's main process is the bundled `clm serve`, not this tsx harness that also
    // built the organization: measure that process after the same initial sync.
    const serveRssMb = await serveRssAfterSync(cloud.url);

    return [
      atMost(
        'sync.initial_ms: initial sync of 10,000 users + 50,000 assignments into an empty replica',
        initialMs,
        'ms',
        1000,
      ),
      info('sync: sign-in answer before the sync (password check on the cloud)', signInMs, 'ms'),
      info('sync: full pull size', fullBytes / 1e6, 'MB'),
      info('sync: first page of the user list from the replica', firstPageMs, 'ms'),
      atMost(
        'sync.incremental100_ms: incremental feed sync of 100 changes',
        incrementalMs,
        'ms',
        20,
      ),
      info('sync: incremental pull size', incBytes / 1e3, 'kB'),
      info('sync: whole round (push, feed, account snapshot) with nothing new', roundMs, 'ms'),
      atMost(
        'sync.rss_first_page_mb: main-process RSS of clm serve after the initial sync and the first page',
        serveRssMb,
        'MB',
        200,
      ),
      info('sync: RSS of this bench process (tsx, the org build and a core)', benchRssMb, 'MB'),
    ];
  } finally {
    await core?.close();
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child?.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(cloudDir, { recursive: true, force: true });
    rmSync(coreDir, { recursive: true, force: true });
  }
};

export default bench;
