// Seat protocol throughput and p99 latency (checkout → heartbeat → release over 200 keep-alive
// connections) against a bare node:http server with the same request and answer sizes, side by
// side in one run. Server and load generator run in separate processes.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { atLeast, atMost, info, median, type Bench } from './lib.ts';

const here = dirname(fileURLToPath(import.meta.url));
const ROUNDS = 2;

interface Load {
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

function node(args: string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', ...args], {
    cwd: join(here, '..'),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

function firstLine(child: ChildProcess, re: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    const rl = createInterface({ input: child.stdout! });
    child.once('exit', (code) => reject(new Error(`exited ${code} before ${re}`)));
    rl.on('line', (l) => {
      const m = l.match(re);
      if (m) resolve(m[1] as string);
    });
  });
}

async function server(
  mode: 'seat' | 'bare',
  data: string,
): Promise<{ url: string; child: ChildProcess }> {
  const child = node([join(here, 'seats/server.ts'), '--mode', mode, '--data', data]);
  return { url: await firstLine(child, /listening on (\S+)/), child };
}

async function load(url: string): Promise<Load> {
  const child = node([
    join(here, 'seats/load.ts'),
    `--url=${url}`,
    '--connections=200',
    '--duration=4',
  ]);
  return JSON.parse(await firstLine(child, /^(\{.*\})$/)) as Load;
}

/** Time from spawning `clm serve --port 0 --data DIR` to `/seat/v1/status` showing the demo pool. */
async function demoPoolMs(data: string): Promise<number> {
  const t0 = performance.now();
  const child = spawn(
    process.execPath,
    [join(here, '../dist/cli.js'), 'serve', '--port', '0', '--data', data, '--json'],
    {
      cwd: join(here, '..'),
      stdio: ['ignore', 'pipe', 'ignore'],
    },
  );
  try {
    const port = (JSON.parse(await firstLine(child, /^(\{.*"port".*\})$/)) as { port: number })
      .port;
    for (;;) {
      const r = await fetch(`http://127.0.0.1:${port}/seat/v1/status`);
      const s = (await r.json()) as { products: unknown[] };
      if (s.products.length > 0) return performance.now() - t0;
      await new Promise((res) => setTimeout(res, 5));
    }
  } finally {
    child.kill('SIGTERM'); // a clean stop also stops its embedded demo cloud
    await new Promise((res) => child.once('exit', res));
  }
}

const bench: Bench = async () => {
  // Three first starts, each on its own fresh data folder, and a restart of each: the median,
  // since one start alone swings by a tenth either way with whatever else the machine does.
  const fresh: number[] = [];
  const warm: number[] = [];
  for (let i = 0; i < 3; i++) {
    const demo = mkdtempSync(join(tmpdir(), 'clm-seat-demo-'));
    fresh.push(await demoPoolMs(demo));
    warm.push(await demoPoolMs(demo));
    rmSync(demo, { recursive: true, force: true });
  }
  const freshMs = median(fresh);
  const warmMs = median(warm);

  const data = mkdtempSync(join(tmpdir(), 'clm-seat-bench-'));
  const seat = await server('seat', data);
  const bare = await server('bare', data);
  const runs: { seat: Load[]; bare: Load[] } = { seat: [], bare: [] };
  try {
    // Interleaved rounds so a noisy neighbour on the machine hits both sides alike.
    for (let i = 0; i < ROUNDS; i++) {
      runs.bare.push(await load(bare.url));
      runs.seat.push(await load(seat.url));
    }
  } finally {
    seat.child.kill();
    bare.child.kill();
    rmSync(data, { recursive: true, force: true });
  }
  const mean = (xs: Load[], k: 'rps' | 'p99' | 'p50') =>
    xs.reduce((s, x) => s + x[k], 0) / xs.length;
  const seatRps = mean(runs.seat, 'rps');
  const bareRps = mean(runs.bare, 'rps');
  const seatP99 = mean(runs.seat, 'p99');
  const bareP99 = mean(runs.bare, 'p99');
  const errors = [...runs.seat, ...runs.bare].reduce((s, x) => s + x.errors, 0);
  return [
    atLeast('seats.throughput_ratio', seatRps / bareRps, 'x', 0.5),
    atMost('seats.p99_ratio', seatP99 / bareP99, 'x', 2),
    info('seats.seat_rps', seatRps, 'req/s'),
    info('seats.bare_rps', bareRps, 'req/s'),
    info('seats.seat_p99', seatP99, 'ms'),
    info('seats.bare_p99', bareP99, 'ms'),
    info('seats.seat_p50', mean(runs.seat, 'p50'), 'ms'),
    info('seats.bare_p50', mean(runs.bare, 'p50'), 'ms'),
    atMost('seats.errors', errors, 'count', 0),
    atMost('seats.demo_pool_first_start', freshMs, 'ms', 1000),
    info('seats.demo_pool_first_start_max', Math.max(...fresh), 'ms'),
    atMost('seats.demo_pool_restart', warmMs, 'ms', 1000),
  ];
};

export default bench;
