// Sign-in, refresh rotation with reuse detection, sign-out and password change against a real cloud server.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ADMIN, DEMO_PASSWORD, startTestCloud, type TestCloud } from './helpers.ts';

interface Tokens {
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
  account: { email: string; customerNumber: string; organization: { role: string } | null };
}
interface ApiError {
  error: string;
  message: string;
}

describe('cloud auth', () => {
  let cloud: TestCloud;
  before(async () => {
    cloud = await startTestCloud();
  });
  after(() => cloud.close());

  test('sign-in with the right password answers tokens and the account', async () => {
    const r = await cloud.call<Tokens>('POST', '/v1/auth/sign-in', {
      email: 'Admin@Northwind.example',
      password: DEMO_PASSWORD,
    });
    assert.equal(r.status, 200);
    assert.equal(r.body.account.email, ADMIN);
    assert.equal(r.body.account.customerNumber, 'CG-104233');
    assert.equal(r.body.account.organization?.role, 'administrator');
    const left = Date.parse(r.body.accessTokenExpiresAt) - Date.now();
    assert.ok(
      left > 14 * 60_000 && left <= 15 * 60_000,
      `access token lives 15 min, not ${left} ms`,
    );
    const me = await cloud.call<{ email: string }>(
      'GET',
      '/v1/account',
      undefined,
      r.body.accessToken,
    );
    assert.equal(me.status, 200);
    assert.equal(me.body.email, ADMIN);
  });

  test('a wrong password or an unknown email is refused with the same message', async () => {
    for (const email of [ADMIN, 'nobody@northwind.example']) {
      const r = await cloud.call<ApiError>('POST', '/v1/auth/sign-in', {
        email,
        password: 'wrong-one',
      });
      assert.equal(r.status, 401);
      assert.deepEqual(r.body, {
        error: 'invalid_credentials',
        message: 'Incorrect email or password.',
      });
    }
  });

  test('routes that need a token refuse a missing or forged one', async () => {
    const none = await cloud.call<ApiError>('GET', '/v1/licenses');
    assert.equal(none.status, 401);
    assert.equal(none.body.error, 'unauthorized');
    const { accessToken } = await cloud.signIn(ADMIN);
    const [h, b, s] = accessToken.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(b, 'base64url').toString()) as { sub: string };
    claims.sub = 'acc_someone_else';
    const forged = `${h}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${s}`;
    const r = await cloud.call<ApiError>('GET', '/v1/account', undefined, forged);
    assert.equal(r.status, 401);
    assert.equal(r.body.message, 'The access token signature is not valid.');
  });

  test('refresh rotates: a new refresh token each time, the old one is refused', async () => {
    const first = await cloud.signIn('marco.rossi@northwind.example');
    const r1 = await cloud.call<Tokens>('POST', '/v1/auth/refresh', {
      refreshToken: first.refreshToken,
    });
    assert.equal(r1.status, 200);
    assert.notEqual(r1.body.refreshToken, first.refreshToken);
    assert.equal(r1.body.account.email, 'marco.rossi@northwind.example');

    const again = await cloud.call<ApiError>('POST', '/v1/auth/refresh', {
      refreshToken: first.refreshToken,
    });
    assert.equal(again.status, 401);
    assert.equal(again.body.error, 'invalid_refresh_token');

    // Reusing a rotated token revokes the family: the newest token and its access token die too.
    const newest = await cloud.call<ApiError>('POST', '/v1/auth/refresh', {
      refreshToken: r1.body.refreshToken,
    });
    assert.equal(newest.status, 401);
    const me = await cloud.call('GET', '/v1/account', undefined, r1.body.accessToken);
    assert.equal(me.status, 401);
  });

  test('sign-out revokes the refresh token and the session', async () => {
    const t = await cloud.signIn('aiko.tanaka@northwind.example');
    const out = await cloud.call('POST', '/v1/auth/sign-out', { refreshToken: t.refreshToken });
    assert.deepEqual(out, { status: 200, body: {} });
    const r = await cloud.call<ApiError>('POST', '/v1/auth/refresh', {
      refreshToken: t.refreshToken,
    });
    assert.equal(r.status, 401);
    assert.equal((await cloud.call('GET', '/v1/account', undefined, t.accessToken)).status, 401);
    // Signing out twice is not an error.
    assert.equal(
      (await cloud.call('POST', '/v1/auth/sign-out', { refreshToken: t.refreshToken })).status,
      200,
    );
  });

  test('password change: wrong current refused; old password stops working, new one works', async () => {
    const email = 'priya.nair@northwind.example';
    const here = await cloud.signIn(email);
    const elsewhere = await cloud.signIn(email);

    const wrong = await cloud.call<ApiError>(
      'POST',
      '/v1/account/password',
      { currentPassword: 'not-it', newPassword: 'a-new-password' },
      here.accessToken,
    );
    assert.equal(wrong.status, 403);
    assert.deepEqual(wrong.body, {
      error: 'wrong_password',
      message: 'The current password is incorrect.',
    });

    const ok = await cloud.call(
      'POST',
      '/v1/account/password',
      { currentPassword: DEMO_PASSWORD, newPassword: 'a-new-password' },
      here.accessToken,
    );
    assert.deepEqual(ok, { status: 200, body: { changed: true } });

    const old = await cloud.call<ApiError>('POST', '/v1/auth/sign-in', {
      email,
      password: DEMO_PASSWORD,
    });
    assert.equal(old.status, 401);
    assert.equal(old.body.message, 'Incorrect email or password.');
    await cloud.signIn(email, 'a-new-password');

    // This device stays signed in; the other session is revoked.
    assert.equal((await cloud.call('GET', '/v1/account', undefined, here.accessToken)).status, 200);
    const other = await cloud.call('POST', '/v1/auth/refresh', {
      refreshToken: elsewhere.refreshToken,
    });
    assert.equal(other.status, 401);
    const mine = await cloud.call('POST', '/v1/auth/refresh', { refreshToken: here.refreshToken });
    assert.equal(mine.status, 200);
  });

  test('the database keeps only hashes of refresh tokens and passwords', async () => {
    const t = await cloud.signIn('lucas.martin@northwind.example');
    const dump = cloud.snapshot();
    assert.ok(!dump.includes(t.refreshToken), 'refresh token stored in clear');
    const accounts = (JSON.parse(dump) as Array<[string, unknown[]]>).find(
      ([n]) => n === 'accounts',
    );
    assert.ok(accounts && accounts[1].length > 10);
    assert.ok(!JSON.stringify(accounts).includes(DEMO_PASSWORD), 'password stored in clear');
    assert.match(JSON.stringify(accounts), /scrypt\$16384\$8\$1\$/);
  });
});
