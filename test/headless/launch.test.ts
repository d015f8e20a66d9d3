// The core's process starts with the memory settings of src-main/core/launch.json wherever it is
// started: `clm` carries them in its shebang, `npm start` (headless) and the tests pass them.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, test } from 'node:test';
import { CORE_ENV, CORE_NODE_ARGS } from '../../src-main/core/launch.ts';
import { removeTempDirs, root, tempDir } from '../core/helpers.ts';

after(removeTempDirs);

/** The settings a running process was started with, read back from /proc. */
function startedWith(pid: number): { args: string[]; env: Map<string, string> } {
  const split = (f: string) =>
    readFileSync(`/proc/${pid}/${f}`, 'utf8').split('\0').filter(Boolean);
  const env = new Map(
    split('environ').map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]),
  );
  return { args: split('cmdline'), env };
}

/** Resolves when `clm serve --json` printed its ready line (its URL). */
function readyLine(child: ChildProcess): Promise<void> {
  const lines = createInterface({ input: child.stdout! });
  return new Promise<void>((resolve, reject) => {
    lines.on('line', (l) => l.includes('"url"') && resolve());
    child.once('exit', (code) => reject(new Error(`exited (${code}) before it was ready`)));
  });
}

test('`clm serve` run as a command starts with the core launch settings', async () => {
  // Executed through its shebang, as an installed `clm` is.
  const child = spawn(
    join(root, 'bin', 'clm.js'),
    ['serve', '--port', '0', '--json', '--data', tempDir('clm-launch-')],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  try {
    await readyLine(child);
    const { args, env } = startedWith(child.pid!);
    const script = args.findIndex((a) => a.endsWith(join('bin', 'clm.js')));
    assert.deepEqual(args.slice(1, script), [...CORE_NODE_ARGS]);
    for (const [k, v] of Object.entries(CORE_ENV)) assert.equal(env.get(k), v, k);
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
});

test('`npm start` in headless mode starts the core with the same settings', async () => {
  const start = spawn(
    process.execPath,
    [join(root, 'scripts', 'start.mjs'), '--port', '0', '--json', '--data', tempDir('clm-start-')],
    // No display: headless mode whether or not Electron's binary is here.
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, DISPLAY: '', WAYLAND_DISPLAY: '' },
    },
  );
  try {
    await readyLine(start);
    const [core] = readFileSync(`/proc/${start.pid}/task/${start.pid}/children`, 'utf8')
      .trim()
      .split(' ')
      .map(Number);
    assert.ok(core, 'npm start runs the core as its child');
    const { args, env } = startedWith(core);
    const script = args.findIndex((a) => a.endsWith(join('dist', 'cli.js')));
    assert.deepEqual(args.slice(1, script), [...CORE_NODE_ARGS]);
    assert.equal(args[script + 1], 'serve');
    for (const [k, v] of Object.entries(CORE_ENV)) assert.equal(env.get(k), v, k);
  } finally {
    start.kill('SIGTERM');
    await new Promise((r) => start.once('exit', r));
  }
});
