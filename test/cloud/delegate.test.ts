// POST /v1/auth/delegate over real HTTP: a signed-in session obtains a new, independent session of
// its account (the license server's), without the password.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { TokenAnswer } from '../../src-shared/cloud-api/schemas.ts';
import { ADMIN, DEMO_PASSWORD, startTestCloud, type TestCloud } from './helpers.ts';

const PURPOSE = { purpose: 'license-server' };
const INVALID_REFRESH = {
  error: 'invalid_refresh_token',
  message: 'The refresh token is not valid. Sign in again.',
};

let cloud: TestCloud;
before(async () => {
  cloud = await startTestCloud();
});
after(() => cloud.close());

const delegate = (token?: string, body: unknown = PURPOSE) =>
  cloud.call<TokenAnswer & { error?: string; message?: string }>(
    'POST',
    '/v1/auth/delegate',
    body,
    token,
  );
const refresh = (refreshToken: string) =>
  cloud.call<TokenAnswer & { error?: string; message?: string }>('POST', '/v1/auth/refresh', {
    refreshToken,
  });
const account = (token: string) =>
  cloud.call<{ email: string }>('GET', '/v1/account', undefined, token);

test('without a valid access token: 401 and nothing written', async () => {
  const before = cloud.snapshot();
  const none = await delegate();
  assert.equal(none.status, 401);
  assert.deepEqual(none.body, {
    error: 'unauthorized',
    message: 'Sign in first: send Authorization: Bearer <accessToken>.',
  });
  const forged = await delegate('eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJ4In0.AAAA');
  assert.equal(forged.status, 401);
  assert.equal(forged.body.error, 'unauthorized');
  // A refresh token is not an access token.
  const { refreshToken } = await cloud.signIn(ADMIN);
  const afterSignIn = cloud.snapshot();
  const wrongKind = await delegate(refreshToken);
  assert.equal(wrongKind.status, 401);
  assert.equal(wrongKind.body.error, 'unauthorized');
  assert.equal(cloud.snapshot(), afterSignIn, 'a refused delegation wrote something');
  assert.notEqual(afterSignIn, before, 'the sign-in itself is written');
});

test('an ended session cannot delegate', async () => {
  const s = await cloud.signIn(ADMIN);
  assert.equal(
    (await cloud.call('POST', '/v1/auth/sign-out', { refreshToken: s.refreshToken })).status,
    200,
  );
  const before = cloud.snapshot();
  const r = await delegate(s.accessToken);
  assert.equal(r.status, 401);
  assert.deepEqual(r.body, {
    error: 'unauthorized',
    message: 'This session has ended. Sign in again.',
  });
  assert.equal(cloud.snapshot(), before);
});

test('a bad body: 400 with a clear message and nothing written', async () => {
  const { accessToken } = await cloud.signIn(ADMIN);
  const before = cloud.snapshot();
  const cases: Array<[unknown, RegExp]> = [
    [{}, /^Invalid body: .*purpose is required/],
    [{ purpose: 'backup' }, /^Invalid body: .*purpose must be/],
    [{ ...PURPOSE, password: DEMO_PASSWORD }, /password is not a known field/],
    [[], /^Invalid body: /],
  ];
  for (const [body, message] of cases) {
    const r = await delegate(accessToken, body);
    assert.equal(r.status, 400, JSON.stringify(body));
    assert.equal(r.body.error, 'bad_request');
    assert.match(r.body.message ?? '', message);
  }
  assert.equal(cloud.snapshot(), before, 'a refused delegation wrote something');
});

test('the delegated session is the same account and a family of its own', async () => {
  const caller = await cloud.signIn(ADMIN);
  const d = await delegate(caller.accessToken);
  assert.equal(d.status, 200);
  assert.equal(d.body.account.email, ADMIN);
  assert.notEqual(d.body.refreshToken, caller.refreshToken);
  assert.equal((await account(d.body.accessToken)).body.email, ADMIN);

  // Rotating the delegated token leaves the caller's alone, and the other way round.
  const d2 = await refresh(d.body.refreshToken);
  assert.equal(d2.status, 200);
  const c2 = await refresh(caller.refreshToken);
  assert.equal(c2.status, 200, 'the caller’s token still works after the delegated one rotated');
  const d3 = await refresh(d2.body.refreshToken);
  assert.equal(d3.status, 200, 'the delegated token still works after the caller’s rotated');

  // Reusing an already rotated delegated token revokes the delegated family only.
  const reused = await refresh(d.body.refreshToken);
  assert.equal(reused.status, 401);
  assert.deepEqual(reused.body, INVALID_REFRESH);
  assert.deepEqual((await refresh(d3.body.refreshToken)).body, INVALID_REFRESH);
  assert.equal((await account(d3.body.accessToken)).status, 401, 'its access token is dead too');
  const c3 = await refresh(c2.body.refreshToken);
  assert.equal(c3.status, 200, 'the caller’s session survives the delegated family’s revocation');
  assert.equal((await account(c3.body.accessToken)).body.email, ADMIN);

  // Signing the caller out does not end a delegated session either.
  const again = await delegate(c3.body.accessToken);
  assert.equal(again.status, 200);
  const out = await cloud.call('POST', '/v1/auth/sign-out', { refreshToken: c3.body.refreshToken });
  assert.equal(out.status, 200);
  assert.equal((await account(c3.body.accessToken)).status, 401);
  assert.equal((await account(again.body.accessToken)).body.email, ADMIN);
  assert.equal((await refresh(again.body.refreshToken)).status, 200);
});

test('delegation does not need the password: it works after the password changed', async () => {
  const email = 'marco.rossi@northwind.example';
  const caller = await cloud.signIn(email);
  const changed = await cloud.call(
    'POST',
    '/v1/account/password',
    { currentPassword: DEMO_PASSWORD, newPassword: 'a-new-password-9' },
    caller.accessToken,
  );
  assert.equal(changed.status, 200);
  const d = await delegate(caller.accessToken);
  assert.equal(d.status, 200);
  assert.equal(d.body.account.email, email);
  assert.equal((await refresh(d.body.refreshToken)).status, 200);
});
