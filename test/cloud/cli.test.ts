// `clm cloud` as a user runs it: prints its ready line, serves, and stops cleanly on SIGTERM and SIGINT.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { after, test } from 'node:test';
import { demoSeed, root } from './helpers.ts';

const dirs: string[] = [];
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function clm(args: string[]) {
  const child = spawn(process.execPath, [join(root, 'bin', 'clm.js'), ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  return { child, stderr: () => stderr };
}

/** Resolves with the first stdout line, which the server prints once it is ready. */
async function firstLine(child: ReturnType<typeof clm>['child']): Promise<string> {
  const lines = createInterface({ input: child.stdout! });
  const exited = once(child, 'exit').then(([code]) => {
    throw new Error(`clm cloud exited (${String(code)}) before it was ready`);
  });
  try {
    const [line] = (await Promise.race([once(lines, 'line'), exited])) as [string];
    return line;
  } finally {
    lines.close();
    exited.catch(() => {});
  }
}

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  test(`clm cloud prints "listening on", serves, and exits 0 on ${signal}`, async () => {
    const data = mkdtempSync(join(tmpdir(), 'clm-cloud-cli-'));
    dirs.push(data);
    const { child, stderr } = clm(['cloud', '--port', '0', '--data', data, '--seed', demoSeed]);
    try {
      const line = await firstLine(child);
      const m = /^listening on (http:\/\/127\.0\.0\.1:(\d+))$/.exec(line);
      assert.ok(m, `ready line: ${line} ${stderr()}`);
      assert.notEqual(m[2], '0');
      const health = await fetch(`${m[1]}/v1/health`);
      assert.deepEqual(await health.json(), { ok: true, version: '0.1.0' });
      child.kill(signal);
      const [code] = (await once(child, 'exit')) as [number | null];
      assert.equal(code, 0, stderr());
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
}

test('clm cloud without --port or --data says what is missing', async () => {
  const { child, stderr } = clm(['cloud', '--data', '/tmp/nowhere']);
  const [code] = (await once(child, 'exit')) as [number];
  assert.equal(code, 1);
  assert.match(stderr(), /--port N is required/);
  const second = clm(['cloud', '--port', '0']);
  const [code2] = (await once(second.child, 'exit')) as [number];
  assert.equal(code2, 1);
  assert.match(second.stderr(), /--data DIR is required/);
});
