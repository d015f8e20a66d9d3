// Issue 6 (Export and activity): the audit log filtered by user (actor or target) and by
// operation, paged with `before`, over real HTTP on the demo seed; a bad query is a 400.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { AuditEntry } from '../../src-shared/cloud-api/org.ts';
import { ADMIN, startTestCloud, type TestCloud } from './helpers.ts';

const MARCO = 'marco.rossi@northwind.example';
const PRIYA = 'priya.nair@northwind.example';
const JONAS = 'jonas.becker@northwind.example';

describe('GET /v1/org/audit filters', () => {
  let cloud: TestCloud;
  let token: string;
  const audit = (query: string) =>
    cloud.call<AuditEntry[] & { message?: string }>(
      'GET',
      `/v1/org/audit${query}`,
      undefined,
      token,
    );

  before(async () => {
    cloud = await startTestCloud();
    token = (await cloud.signIn(ADMIN)).accessToken;
    const users = await cloud.call<{ users: Array<{ id: string; email: string }> }>(
      'GET',
      '/v1/org/users',
      undefined,
      token,
    );
    const id = (email: string) => {
      const u = users.body.users.find((x) => x.email === email);
      assert.ok(u, `${email} is in the demo organization`);
      return u.id;
    };
    const post = async (path: string, body: unknown) => {
      const r = await cloud.call<{ status: string }>('POST', path, body, token);
      assert.equal(r.status, 200, `${path}: ${JSON.stringify(r.body)}`);
    };
    // Oldest first: two quota changes, a cancelled invitation and a change naming two users.
    await post('/v1/org/credit-access', {
      userIds: [id(MARCO)],
      access: { mode: 'limit', limit: 50 },
    });
    await post('/v1/org/credit-access', {
      userIds: [id(PRIYA)],
      access: { mode: 'limit', limit: 20 },
    });
    await post('/v1/org/invitations/cancel', { invitationId: 'inv_tom_member' });
    await post('/v1/org/credit-access', {
      userIds: [id(JONAS), id(MARCO)],
      access: { mode: 'unlimited' },
    });
  });
  after(() => cloud.close());

  test('every entry names its target accounts by email, newest first', async () => {
    const r = await audit('');
    assert.equal(r.status, 200);
    const [latest] = r.body;
    assert.equal(latest?.operation, 'setCreditAccess');
    assert.deepEqual(latest?.targetEmails, [JONAS, MARCO]);
    assert.equal(latest?.targetCount, 2);
    assert.equal(latest?.actorEmail, ADMIN);
    const ids = r.body.map((e) => e.id);
    assert.deepEqual(
      ids,
      [...ids].sort((a, b) => b - a),
    );
  });

  test('the user filter matches a target, by a part of the email, in any case', async () => {
    const r = await audit('?user=MARCO.ROSSI');
    assert.equal(r.status, 200);
    assert.equal(r.body.length, 2);
    assert.ok(r.body.every((e) => e.targetEmails.includes(MARCO)));
    const guest = await audit(`?user=${encodeURIComponent('novak@')}`);
    assert.deepEqual(
      guest.body.map((e) => [e.operation, e.targetEmails]),
      [['cancelInvitation', ['tom.novak@example.com']]],
    );
  });

  test('the user filter matches the actor', async () => {
    const r = await audit(`?user=${encodeURIComponent('admin@northwind')}`);
    assert.equal(r.status, 200);
    assert.ok(r.body.length >= 4);
    assert.ok(r.body.every((e) => e.actorEmail === ADMIN));
    const none = await audit('?user=nobody-here');
    assert.deepEqual(none.body, []);
  });

  test('the operation filter, alone and with the user filter', async () => {
    const quotas = await audit('?operation=setCreditAccess');
    assert.equal(quotas.body.length, 3);
    assert.ok(quotas.body.every((e) => e.operation === 'setCreditAccess'));
    const cancelled = await audit('?operation=cancelInvitation');
    assert.deepEqual(
      cancelled.body.map((e) => e.target),
      ['inv_tom_member'],
    );
    const both = await audit(`?operation=setCreditAccess&user=${encodeURIComponent(PRIYA)}`);
    assert.deepEqual(
      both.body.map((e) => e.targetEmails),
      [[PRIYA]],
    );
    const empty = await audit('?operation=removeUsers');
    assert.deepEqual(empty.body, []);
  });

  test('paging with before walks the filtered log without gaps or repeats', async () => {
    const all = await audit('?operation=setCreditAccess');
    const first = await audit('?operation=setCreditAccess&limit=2');
    assert.equal(first.body.length, 2);
    const last = first.body.at(-1);
    assert.ok(last);
    const second = await audit(`?operation=setCreditAccess&limit=2&before=${last.id}`);
    assert.deepEqual(
      [...first.body, ...second.body].map((e) => e.id),
      all.body.map((e) => e.id),
    );
    const marco = await audit(`?user=marco&limit=1`);
    const older = await audit(`?user=marco&limit=1&before=${marco.body[0]?.id}`);
    assert.equal(older.body.length, 1);
    assert.deepEqual(older.body[0]?.targetEmails, [MARCO]);
  });

  test('a bad query is a 400 with the reason, and changes nothing', async () => {
    const snapshot = cloud.snapshot();
    for (const [query, reason] of [
      ['?operation=dropTables', /operation/],
      ['?user=', /user/],
      ['?user=a%20b', /user/],
      [`?user=${'x'.repeat(321)}`, /user/],
      ['?limit=0', /limit/],
      ['?before=abc', /before/],
      ['?colour=red', /colour|additional/i],
    ] as const) {
      const r = await audit(query);
      assert.equal(r.status, 400, query);
      assert.match(r.body.message ?? '', reason, query);
    }
    assert.equal(cloud.snapshot(), snapshot);
  });

  test('a member cannot read the log', async () => {
    const member = await cloud.signIn(MARCO);
    const r = await cloud.call<{ message: string }>(
      'GET',
      '/v1/org/audit?user=marco',
      undefined,
      member.accessToken,
    );
    assert.equal(r.status, 403);
    assert.equal(r.body.message, 'Only the Administrator of the organization can do this');
  });
});
