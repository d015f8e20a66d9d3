// `clm report` and `clm report verify` on a data folder the seat service wrote.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { USAGE_FILE } from '../../src-main/seats/usage-log.ts';
import { root, tempDir } from './helpers.ts';
import { testService, who } from './service-helpers.ts';

const d = tempDir();
after(() => d.remove());
const cli = join(root, 'dist', 'cli.js');
const clm = (args: string[]) =>
  spawnSync(process.execPath, [cli, ...args, '--data', d.dir], {
    cwd: root,
    encoding: 'utf8',
    timeout: 30_000,
  });

test('report lists the records of a range (text and CSV); verify holds, then catches an edit', async () => {
  const t = testService({ vray: 1 }, { dir: d.dir, rules: 'deny vray user mallory\n' });
  const start = t.clock();
  t.svc.checkout(who('alice'));
  t.svc.checkout(who('mallory'));
  await t.close();
  const range = [
    '--from',
    new Date(start - 1000).toISOString(),
    '--to',
    new Date(start + 1000).toISOString(),
  ];
  const text = clm(['report', ...range]);
  assert.equal(text.status, 0, text.stderr);
  assert.match(text.stdout, /checkout .*vray {2}alice/);
  assert.match(text.stdout, /refusal .*mallory .*rules line 1/);
  const csv = clm(['report', ...range, '--csv']);
  assert.equal(csv.stdout.split('\n')[0], 'seq,at,kind,product,user,host,leaseId,reason,hash');
  assert.equal(csv.stdout.trim().split('\n').length, 3);
  const empty = clm(['report', '--to', new Date(start - 60_000).toISOString()]);
  assert.match(empty.stdout, /No usage records in that range/);

  const ok = clm(['report', 'verify']);
  assert.equal(ok.status, 0, ok.stderr);
  assert.match(ok.stdout, /holds: 2 records/);
  const file = join(d.dir, USAGE_FILE);
  writeFileSync(file, readFileSync(file, 'utf8').replace('"mallory"', '"alice"'));
  const bad = clm(['report', 'verify']);
  assert.equal(bad.status, 1);
  assert.match(bad.stdout, /tampered with .*\n.*record 2 was edited/);

  const badFlag = clm(['report', '--from', 'yesterday-ish']);
  assert.notEqual(badFlag.status, 0);
  assert.match(badFlag.stderr + badFlag.stdout, /--from must be a date or time/);
});
