// `clm serve` as users run it: the embedded demo cloud, the printed URL, clean shutdown, clear refusals.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, test } from 'node:test';
import type { DemoAccount } from '../../src-shared/domain/account.ts';
import type { LicenseView } from '../../src-shared/domain/license.ts';
import type { SessionState } from '../../src-shared/domain/session.ts';
import { removeTempDirs, root, tempDir } from '../core/helpers.ts';
import { startServe } from './serve-process.ts';

after(removeTempDirs);

const cli = join(root, 'dist', 'cli.js');
const seed = JSON.parse(readFileSync(join(root, 'resources', 'demo-seed.json'), 'utf8')) as {
  demoAccounts: DemoAccount[];
};

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

test(
  'with no --cloud the demo cloud runs embedded; SIGTERM stops it too',
  { timeout: 90_000 },
  async () => {
    const dataDir = tempDir('serve');
    const app = await startServe(['--data', dataDir]);
    let cloudPid: number;
    try {
      const demo = await app.call<DemoAccount[]>('session.demoAccounts');
      assert.ok(demo.ok);
      assert.deepEqual(demo.value, seed.demoAccounts, 'the sign-in screen lists the seed accounts');
      const admin = seed.demoAccounts[0] as DemoAccount;
      const signedIn = await app.call<SessionState>('session.signIn', {
        email: admin.email,
        password: admin.password,
      });
      assert.ok(signedIn.ok, JSON.stringify(signedIn));
      assert.equal(signedIn.value.demo, true);
      assert.match(signedIn.value.cloudUrl, /^http:\/\/127\.0\.0\.1:\d+$/);
      assert.equal(signedIn.value.sync.online, true);
      const licenses = await app.call<LicenseView[]>('licenses.list');
      assert.ok(licenses.ok && licenses.value.length > 0);
      const wrong = await app.call('session.signIn', {
        email: admin.email,
        password: 'not-the-password',
      });
      assert.equal(wrong.ok, false);

      const log = readFileSync(join(dataDir, 'logs', 'core.log'), 'utf8');
      cloudPid = Number(/"msg":"embedded cloud started".*"pid":(\d+)/.exec(log)?.[1]);
      assert.ok(cloudPid > 0 && alive(cloudPid), 'the embedded cloud is a child process');
    } finally {
      assert.equal(await app.stop(), 0, 'clean exit on SIGTERM');
    }
    assert.equal(alive(cloudPid), false, 'the embedded cloud stopped with it');
  },
);

test(
  'kill -9 of clm serve does not leave the embedded cloud running',
  { timeout: 90_000 },
  async () => {
    const dataDir = tempDir('serve');
    const app = await startServe(['--data', dataDir]);
    const demo = await app.call<DemoAccount[]>('session.demoAccounts');
    assert.ok(demo.ok);
    // The session round at start launches the embedded cloud; sign-in waits until it listens.
    const admin = seed.demoAccounts[0] as DemoAccount;
    const signedIn = await app.call('session.signIn', {
      email: admin.email,
      password: admin.password,
    });
    assert.ok(signedIn.ok);
    const log = readFileSync(join(dataDir, 'logs', 'core.log'), 'utf8');
    const cloudPid = Number(/"msg":"embedded cloud started".*"pid":(\d+)/.exec(log)?.[1]);
    assert.ok(cloudPid > 0 && alive(cloudPid));
    app.child.kill('SIGKILL');
    await app.stop();
    // The child notices its parent is gone (stdin closes) and stops itself.
    const deadline = Date.now() + 15_000;
    while (alive(cloudPid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    assert.equal(alive(cloudPid), false, 'the orphaned embedded cloud stopped');
  },
);

test('the text form prints the URL with its login token', { timeout: 60_000 }, async () => {
  const child = spawn(
    process.execPath,
    [cli, 'serve', '--port', '0', '--data', tempDir('serve'), '--cloud', 'http://127.0.0.1:9'],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const closed = new Promise<number | null>((resolve) => child.once('close', resolve));
  const line = await new Promise<string>((resolve) =>
    createInterface({ input: child.stdout }).once('line', resolve),
  );
  assert.match(
    line,
    /^Chaos License Manager is serving on http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{64}$/,
  );
  child.kill('SIGINT');
  assert.equal(await closed, 0);
});

test('bad options and a busy port are refused with a clear message', { timeout: 60_000 }, () => {
  const bad = spawnSync(
    process.execPath,
    [cli, 'serve', '--port', 'abc', '--data', tempDir('serve')],
    { encoding: 'utf8' },
  );
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /--port must be 0-65535 \(0 picks a free port\), not "abc"/);
  const cloud = spawnSync(
    process.execPath,
    [cli, 'serve', '--cloud', 'ftp://x', '--data', tempDir('serve')],
    { encoding: 'utf8' },
  );
  assert.equal(cloud.status, 1);
  assert.match(cloud.stderr, /--cloud must be an http:\/\/ or https:\/\/ URL/);
});

test('a port in use is named in the error', { timeout: 60_000 }, async () => {
  const first = await startServe(['--data', tempDir('serve'), '--cloud', 'http://127.0.0.1:9']);
  try {
    const second = spawnSync(
      process.execPath,
      [
        cli,
        'serve',
        '--port',
        String(first.port),
        '--data',
        tempDir('serve'),
        '--cloud',
        'http://127.0.0.1:9',
      ],
      { encoding: 'utf8' },
    );
    assert.equal(second.status, 1);
    assert.match(second.stderr, new RegExp(`Port ${first.port} on 127\\.0\\.0\\.1 is in use`));
  } finally {
    await first.stop();
  }
});
