// The core's session calls against the real cloud: wrong password, sign-in first, password change, sync now.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { CloudServer } from '../../src-cloud/server.ts';
import { createBridgeHandlers } from '../../src-main/bridge/handlers.ts';
import type { Core } from '../../src-main/core/core.ts';
import { dispatch } from '../../src-shared/bridge/dispatch.ts';
import type { SyncStatus } from '../../src-shared/domain/session.ts';
import { ADMIN, openCore, removeTempDirs, startCloud, tempDir } from './helpers.ts';

let cloud: CloudServer;
let core: Core;
before(async () => {
  cloud = await startCloud(tempDir('cloud'));
  const dataDir = tempDir('core');
  core = await openCore({
    dataDir,
    cloudUrl: cloud.url,
    credentialFile: join(dataDir, 'credential'),
  });
});
after(async () => {
  await core.close();
  await cloud.close();
  removeTempDirs();
});

test('signed out: views refuse with "Sign in first." and the cloud is known to be online', async () => {
  const h = createBridgeHandlers(core);
  assert.equal(core.session().sync.online, true, 'the start-up round checked the cloud');
  for (const name of ['account.get', 'licenses.list', 'sync.now'] as const) {
    assert.deepEqual(await dispatch(h, name, {}), {
      ok: false,
      error: { code: 'unauthorized', message: 'Sign in first.' },
    });
  }
  assert.deepEqual(
    await dispatch(h, 'session.demoAccounts', {}),
    { ok: true, value: [] },
    'not the demo',
  );
});

test('a wrong password is refused with the cloud’s message and changes nothing', async () => {
  const h = createBridgeHandlers(core);
  const answer = await dispatch(h, 'session.signIn', {
    email: ADMIN.email,
    password: 'wrong-password',
  });
  assert.equal(answer.ok, false);
  assert.ok(!answer.ok && answer.error.code === 'invalid_credentials', JSON.stringify(answer));
  assert.equal(core.session().signedIn, false);
  assert.equal(core.replica.account(), null);
});

test('password change: the current password is checked, the session survives, the new one signs in', async () => {
  const h = createBridgeHandlers(core);
  const signedIn = await dispatch(h, 'session.signIn', ADMIN);
  assert.ok(signedIn.ok);
  const wrong = await dispatch(h, 'account.changePassword', {
    currentPassword: 'nope',
    newPassword: 'another-pass-1',
  });
  assert.ok(!wrong.ok && wrong.error.code === 'wrong_password', JSON.stringify(wrong));
  const short = await dispatch(h, 'account.changePassword', {
    currentPassword: ADMIN.password,
    newPassword: 'short',
  });
  assert.ok(!short.ok && short.error.code === 'bad_request');
  const changed = await dispatch(h, 'account.changePassword', {
    currentPassword: ADMIN.password,
    newPassword: 'another-pass-1',
  });
  assert.deepEqual(changed, { ok: true, value: { changed: true } });
  const status = await dispatch(h, 'sync.now', {});
  assert.ok(
    status.ok && (status.value as SyncStatus).online,
    'this session still syncs after the change',
  );
  await core.signOut();
  const old = await dispatch(h, 'session.signIn', ADMIN);
  assert.equal(old.ok, false, 'the old password no longer works');
  const fresh = await dispatch(h, 'session.signIn', {
    email: ADMIN.email,
    password: 'another-pass-1',
  });
  assert.ok(fresh.ok);
  const back = await dispatch(h, 'account.changePassword', {
    currentPassword: 'another-pass-1',
    newPassword: ADMIN.password,
  });
  assert.ok(back.ok);
});

test(
  'a revoked session ends: the core says so and forgets the credential',
  { timeout: 30_000 },
  async () => {
    const h = createBridgeHandlers(core);
    if (!core.session().signedIn) assert.ok((await dispatch(h, 'session.signIn', ADMIN)).ok);
    const ended = core.next('session.changed', (s) => !s.signedIn);
    // Another device changes the password: the cloud revokes this session's refresh token.
    const other = (await (
      await fetch(`${cloud.url}/v1/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(ADMIN),
      })
    ).json()) as { accessToken: string };
    const res = await fetch(`${cloud.url}/v1/account/password`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${other.accessToken}` },
      body: JSON.stringify({ currentPassword: ADMIN.password, newPassword: 'third-pass-1' }),
    });
    assert.equal(res.status, 200);
    // The access token may still be valid; a refresh is what the cloud now refuses.
    await core.client.refresh().catch(() => undefined);
    await core.syncNow().catch(() => undefined);
    const state = await ended;
    assert.equal(state.signedIn, false);
    assert.equal(state.sync.message, 'Your session has ended. Please sign in again.');
    assert.equal(core.replica.getMeta('credential_account'), null);
  },
);
