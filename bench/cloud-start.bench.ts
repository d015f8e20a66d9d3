// The cloud's boot (docs/requirements.md §1, §13): `clm cloud` on a fresh data folder with the demo seed, from spawn
// to its "listening" line and a first answered request — what the demo's first start waits for.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { atMost, info, median, type Bench } from './lib.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = 7;

async function once(): Promise<{ listeningMs: number; answeredMs: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'clm-bench-cloud-'));
  const t0 = performance.now();
  const child = spawn(
    process.execPath,
    [
      join(root, 'dist', 'cli.js'),
      'cloud',
      '--port',
      '0',
      '--data',
      dataDir,
      '--seed',
      join(root, 'resources', 'demo-seed.json'),
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] },
  );
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout }).on('line', (text) => {
        const m = /^listening on (http:\/\/\S+)$/.exec(text);
        if (m) resolve(m[1] as string);
      });
      void closed.then(() => reject(new Error('clm cloud exited before it was listening')));
    });
    const listeningMs = performance.now() - t0;
    // A route's first answer now compiles its schemas: count it too.
    const res = await fetch(`${url}/v1/demo-accounts`);
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`/v1/demo-accounts answered ${res.status}`);
    return { listeningMs, answeredMs: performance.now() - t0 };
  } finally {
    child.kill('SIGTERM');
    await closed;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const bench: Bench = async () => {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await once());
  return [
    atMost(
      'cloud.start_ms: clm cloud, fresh data folder + demo seed, spawn to listening (median)',
      median(runs.map((r) => r.listeningMs)),
      'ms',
      600,
    ),
    info(
      'cloud.start_answered_ms: spawn to the first answered request (median)',
      median(runs.map((r) => r.answeredMs)),
      'ms',
    ),
  ];
};

export default bench;
