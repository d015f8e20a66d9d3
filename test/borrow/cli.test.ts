// `clm borrow PRODUCT --days N`, `clm borrows` and `clm return PRODUCT` (issue 13) against a
// running `clm serve` activated with the administrator, over its bridge, with the real cloud.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startTestCloud, type TestCloud } from '../cloud/helpers.ts';
import { root, startServe, type ServedApp } from '../e2e/harness.ts';

const cli = join(root, 'dist', 'cli.js');
let cloud: TestCloud;
let app: ServedApp;

/** Runs clm without blocking: the test cloud answers in this process meanwhile. */
function clm(
  args: string[],
  input?: string,
): Promise<{ status: number | null; out: string; err: string }> {
  const child = spawn(process.execPath, [cli, ...args, '--server', app.base, '--token', app.token]);
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  child.stdin.end(input ?? '');
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, out, err })));
}

before(async () => {
  cloud = await startTestCloud();
  app = await startServe({ cloudUrl: cloud.url });
  const act = await clm(
    ['activate', '--email', 'admin@northwind.example', '--password-stdin'],
    'demo1234\n',
  );
  assert.equal(act.status, 0, act.err);
});
after(async () => {
  await app?.stop();
  await cloud?.close();
});

test('clm borrow borrows for N days and clm borrows lists it with days left', async () => {
  const b = await clm(['borrow', 'vray-3dsmax', '--days', '3']);
  assert.equal(b.status, 0, b.err);
  assert.match(
    b.out,
    /^vray-3dsmax {2}V-Ray for 3ds Max: 1 seat borrowed until \S+ \(3 days left\)$/m,
  );
  const list = await clm(['borrows']);
  assert.equal(list.status, 0, list.err);
  assert.match(list.out, /\(3 days left\)/);
});

test('clm borrow refuses days outside 1…30 and changes nothing', async () => {
  const b = await clm(['borrow', 'vray-3dsmax', '--days', '45']);
  assert.notEqual(b.status, 0);
  assert.match(b.err, /--days must be a whole number from 1 to 30, not "45"/);
  assert.match((await clm(['borrows'])).out, /\(3 days left\)/, 'the borrow is as it was');
});

test('clm return releases it for online use', async () => {
  const r = await clm(['return', 'vray-3dsmax']);
  assert.equal(r.status, 0, r.err);
  assert.match(r.out, /^This machine has no borrowed seats\.$/m);
  const again = await clm(['return', 'vray-3dsmax']);
  assert.notEqual(again.status, 0);
  assert.match(again.err, /This machine has no borrowed seat of "vray-3dsmax"\./);
});
