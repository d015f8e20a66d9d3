// Issue 18: what the bridge and the cloud answer reaches people as sentences, never schema text;
// failed changes are kept per account across sign-out until dismissed.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { dispatch } from '../../src-shared/bridge/dispatch.ts';
import { AppError } from '../../src-shared/errors.ts';
import { CLOUD_UNREACHABLE, SCHEMA_SHAPE, forPeople } from '../../src-shared/plain-words.ts';
import { FailedKeep } from '../../src-main/sync/failed-keep.ts';
import type { BridgeHandlers } from '../../src-shared/bridge/contract.ts';

test('a schema failure of a bridge call becomes one sentence per field', async () => {
  const cases: [unknown, string][] = [
    [{ invitations: [{ email: '', role: 'member' }] }, 'Enter a valid email address'],
    [{ invitations: [{ email: 'not an email', role: 'member' }] }, 'Enter a valid email address'],
    [{ invitations: [{ role: 'member' }] }, 'Email address is required.'],
  ];
  for (const [input, sentence] of cases) {
    const answer = await dispatch({} as BridgeHandlers, 'org.invite', input);
    assert.equal(answer.ok, false);
    const error = (answer as { error: { code: string; message: string } }).error;
    assert.match(
      error.message,
      /Invalid input for org\.invite/,
      'the bridge keeps its precise text',
    );
    const words = forPeople(error);
    assert.ok(words.includes(sentence), `${words} says ${sentence}`);
    assert.doesNotMatch(words, SCHEMA_SHAPE);
  }
});

test('the cloud’s schema text and an unreachable cloud are said in words', () => {
  const cloud = new AppError(
    'bad_request',
    'Invalid args of mutation 1 (inviteBatch): invitations.0.email must match pattern "^[^\\s@]+@[^\\s@]+$"',
  );
  assert.equal(forPeople(cloud), 'Enter a valid email address, like name@example.com.');
  const offline = new AppError(
    'offline',
    'The cloud at http://127.0.0.1:1 is unreachable (ECONNREFUSED)',
  );
  assert.equal(forPeople(offline), CLOUD_UNREACHABLE);
  // A rule's refusal is already for people: it passes through word for word.
  const rule = new AppError('conflict', 'Assigned product(s)');
  assert.equal(forPeople(rule), 'Assigned product(s)');
});

test('failed changes are kept per account until taken back', () => {
  const dir = mkdtempSync(join(tmpdir(), 'clm-keep-'));
  try {
    const keep = new FailedKeep(dir);
    const entry = {
      id: 3,
      name: 'setCreditAccess',
      args: { userIds: ['u1'] },
      description: 'Set credit access',
      createdAt: '-1d',
      status: 'failed' as const,
      code: 'guest_has_personal_credits',
      message: 'No',
      answeredAt: '-1d',
    };
    keep.keep('acc-a', [entry]);
    assert.deepEqual(keep.take('acc-b'), []);
    const back = keep.take('acc-a');
    assert.equal(back.length, 1);
    assert.equal(back[0]?.code, 'guest_has_personal_credits');
    assert.deepEqual(keep.take('acc-a'), [], 'taken once');
    writeFileSync(join(dir, 'failed-changes.json'), '{broken');
    assert.deepEqual(new FailedKeep(dir).take('acc-a'), [], 'a damaged file loses only itself');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
