// Headless start-up (docs/requirements.md §13): time from spawning `clm serve` to its URL answering, and its memory.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { atMost, info, median, type Bench, type BenchResult } from './lib.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = 5;

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

interface Run {
  readyMs: number;
  rssReadyMb: number;
  rssSignedInMb: number;
}

/** One start on the default configuration (embedded demo cloud), in a fresh data folder. */
async function once(): Promise<Run> {
  const dataDir = mkdtempSync(join(tmpdir(), 'clm-bench-serve-'));
  const t0 = performance.now();
  const child = spawn(
    process.execPath,
    [join(root, 'dist', 'cli.js'), 'serve', '--port', '0', '--data', dataDir, '--json'],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'ignore'],
    },
  );
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  try {
    const line = await new Promise<{ url: string; token: string }>((resolve, reject) => {
      createInterface({ input: child.stdout }).on('line', (text) => {
        try {
          resolve(JSON.parse(text) as { url: string; token: string });
        } catch {
          // a log line
        }
      });
      void closed.then(() => reject(new Error('clm serve exited before it was ready')));
    });
    const res = await fetch(line.url, { redirect: 'manual' });
    await res.arrayBuffer();
    if (res.status !== 302) throw new Error(`the login URL answered ${res.status}`);
    const readyMs = performance.now() - t0;
    const rssReadyMb = rssMb(child.pid!);
    const base = new URL(line.url).origin;
    const signIn = await fetch(`${base}/api/call/session.signIn`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${line.token}`,
        'x-clm-bridge': '1',
        'content-type': 'application/json',
      },
      body: JSON.stringify({ email: 'admin@northwind.example', password: 'demo1234' }),
    });
    const env = (await signIn.json()) as { ok: boolean };
    if (!env.ok) throw new Error(`sign-in failed: ${JSON.stringify(env)}`);
    return { readyMs, rssReadyMb, rssSignedInMb: rssMb(child.pid!) };
  } finally {
    child.kill('SIGTERM');
    await closed;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const bench: Bench = async () => {
  const runs: Run[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await once());
  const results: BenchResult[] = [
    atMost(
      'headless start: spawn to URL answered (median)',
      median(runs.map((r) => r.readyMs)),
      'ms',
      1000,
    ),
    info('headless start: slowest of 5', Math.max(...runs.map((r) => r.readyMs)), 'ms'),
    info('headless main-process RSS when ready', median(runs.map((r) => r.rssReadyMb)), 'MB'),
    info(
      'headless main-process RSS signed in (demo admin)',
      median(runs.map((r) => r.rssSignedInMb)),
      'MB',
    ),
  ];
  return results;
};
export default bench;
