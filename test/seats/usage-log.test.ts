// The usage log (docs/seat-protocol.md, "Usage log"): every lease event is a hash-chained
// record; verify catches an edited, a deleted and a reordered record, and records cut off the end.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readUsage, USAGE_FILE, verifyUsage } from '../../src-main/seats/usage-log.ts';
import { after } from 'node:test';
import { tempDir } from './helpers.ts';
import { testService, who } from './service-helpers.ts';

const dirs: { remove(): void }[] = [];
after(() => dirs.forEach((d) => d.remove()));
function keptDir(): string {
  const d = tempDir();
  dirs.push(d);
  return d.dir;
}

async function logWithEvents() {
  const t = testService({ vray: 1 }, { rules: 'deny vray user mallory\n', dir: keptDir() });
  const a = t.svc.checkout(who('a'));
  t.svc.checkout(who('mallory'));
  t.svc.checkout(who('b', { wait: 60 }));
  if (a.ok) t.svc.release(a.leaseId);
  t.clock.advance(t.svc.leaseMs + 1);
  t.svc.reap();
  const head = { ...(t.svc.usage as unknown as { head: { seq: number; hash: string } }).head };
  await t.close();
  return { dir: t.dir, head, file: join(t.dir, USAGE_FILE) };
}

test('every checkout, refusal, queue entry and exit, release and expiry is a record', async () => {
  const { dir, head } = await logWithEvents();
  const kinds = readUsage(dir).map((r) => [r.kind, r.user ?? '', r.reason ?? '']);
  assert.deepEqual(
    kinds.map((k) => k.slice(0, 2)),
    [
      ['checkout', 'a'],
      ['refusal', 'mallory'],
      ['queue_enter', 'b'],
      ['release', 'a'],
      ['queue_exit', 'b'],
      ['checkout', 'b'],
      ['expiry', 'b'],
    ],
  );
  assert.match(kinds[1]?.[2] ?? '', /rules line 1/);
  assert.deepEqual(verifyUsage(dir, head), { ok: true, records: 7, problems: [] });
});

function mangle(file: string, f: (lines: string[]) => string[]): void {
  const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
  writeFileSync(file, `${f(lines).join('\n')}\n`);
}

test('verify catches an edited record', async () => {
  const { dir, head, file } = await logWithEvents();
  mangle(file, (l) => l.map((x, i) => (i === 1 ? x.replace('mallory', 'alice') : x)));
  const v = verifyUsage(dir, head);
  assert.equal(v.ok, false);
  assert.match(v.problems.join('\n'), /record 2 was edited/);
});

test('verify catches a deleted record, and records cut off the end', async () => {
  const { dir, head, file } = await logWithEvents();
  mangle(file, (l) => l.filter((_, i) => i !== 2));
  assert.match(verifyUsage(dir, head).problems.join('\n'), /record 4 does not follow record 2/);
  mangle(file, (l) => l.slice(0, 3));
  assert.match(verifyUsage(dir, head).problems.join('\n'), /records were cut off the end/);
});

test('verify catches reordered records', async () => {
  const { dir, head, file } = await logWithEvents();
  mangle(file, (l) => [l[0], l[2], l[1], ...l.slice(3)] as string[]);
  const v = verifyUsage(dir, head);
  assert.equal(v.ok, false);
  assert.match(v.problems.join('\n'), /record 3 does not follow record 1/);
});

test('rotation keeps the chain across files', async () => {
  const t = testService({ vray: 100 }, { usageLogMaxBytes: 600, dir: keptDir() });
  try {
    for (let i = 0; i < 12; i++) {
      t.svc.checkout(who(`c${i}`));
      t.svc.usage.flush();
    }
  } finally {
    await t.close();
  }
  const v = verifyUsage(t.dir);
  assert.deepEqual([v.ok, v.records], [true, 12]);
  assert.equal(readUsage(t.dir).length, 12);
});
