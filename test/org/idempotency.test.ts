// A mutation batch sent twice, or at once over two connections, is applied once.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { PushResponse } from '../../src-shared/org/mutations.ts';
import { startOrgCloud, type OrgCloud } from './helpers.ts';

const ADMIN = 'admin@acme.test';

const batch = (clientId: string) => ({
  clientId,
  mutations: [
    { id: 1, name: 'invite', args: { email: 'plain@ext.test', role: 'member' } },
    {
      id: 2,
      name: 'inviteBatch',
      args: {
        invitations: [
          { email: 'plain2@ext.test', role: 'guest' },
          { email: 'trialer@ext.test', role: 'member' },
        ],
      },
    },
    {
      id: 3,
      name: 'assignProduct',
      args: { userId: 'acc-m1', purchaseId: 'p-vray-late', quantity: 1 },
    },
    {
      id: 4,
      name: 'setCreditAccess',
      args: { userIds: ['acc-m1'], access: { mode: 'limit', limit: 50 } },
    },
    { id: 5, name: 'removeUsers', args: { userIds: ['acc-free'] } },
    { id: 6, name: 'invite', args: { email: 'nobody@ext.test', role: 'guest' } },
  ],
});

describe('idempotent mutations', () => {
  let cloud: OrgCloud;
  before(async () => {
    cloud = await startOrgCloud();
  });
  after(async () => {
    await cloud?.close();
  });

  const counts = () =>
    cloud.query<{ t: string; n: number }>(
      `select 'invitations' t, count(*) n from invitations where status = 'pending'
       union all select 'assignments', sum(quantity) from assignments where account_id = 'acc-m1'
       union all select 'members', count(*) from memberships
       union all select 'notifications', count(*) from notifications
       union all select 'mails', count(*) from mail_outbox
       union all select 'outcomes', count(*) from sync_mutations
       union all select 'audit', count(*) from audit_log`,
    );

  test('the same batch twice applies each mutation once and answers the stored outcomes', async () => {
    const start = Object.fromEntries(counts().map((r) => [r.t, r.n]));
    const first = await cloud.as<PushResponse>(ADMIN, 'POST', '/v1/mutations', batch('desk-1'));
    assert.equal(first.status, 200);
    assert.deepEqual(
      first.body.results.map((r) => r.status),
      ['accepted', 'accepted', 'accepted', 'accepted', 'accepted', 'rejected'],
    );
    assert.equal(first.body.lastMutationId, 6);
    const after1 = Object.fromEntries(counts().map((r) => [r.t, r.n]));
    const second = await cloud.as<PushResponse>(ADMIN, 'POST', '/v1/mutations', batch('desk-1'));
    assert.deepEqual(second.body, first.body, 'a repeated id answers the stored outcome');
    const after2 = Object.fromEntries(counts().map((r) => [r.t, r.n]));
    assert.deepEqual(after2, after1, 'nothing applied twice');
    assert.equal(after1.invitations, (start.invitations ?? 0) + 3);
    assert.equal(after1.assignments, (start.assignments ?? 0) + 1);
    assert.equal(after1.members, (start.members ?? 0) - 1);
    // invite 1 + 2 invitations + bulk status mail + assigned + credit access + removal = 7.
    assert.equal(after1.notifications, (start.notifications ?? 0) + 7);
    assert.equal(after1.mails, (start.mails ?? 0) + 7);
    assert.equal(after1.outcomes, 6);
  });

  test('the same batch from two connections at once applies once', async () => {
    const before1 = Object.fromEntries(counts().map((r) => [r.t, r.n]));
    const body = {
      clientId: 'desk-2',
      mutations: [
        { id: 1, name: 'cancelInvitation', args: { invitationId: 'inv-cancel' } },
        {
          id: 2,
          name: 'setCreditAccess',
          args: { userIds: ['acc-m2'], access: { mode: 'unlimited' } },
        },
        { id: 3, name: 'invite', args: { email: 'student@ext.test', role: 'guest' } },
      ],
    };
    const token = await cloud.token(ADMIN);
    const send = () =>
      fetch(`${cloud.url}/v1/mutations`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${token}`,
          connection: 'close',
        },
        body: JSON.stringify(body),
      }).then(async (r) => ({ status: r.status, body: (await r.json()) as PushResponse }));
    const [a, b] = await Promise.all([send(), send()]);
    assert.equal(a.status, 200);
    assert.equal(b.status, 200);
    assert.deepEqual(a.body, b.body);
    assert.deepEqual(
      a.body.results.map((r) => r.status),
      ['accepted', 'accepted', 'accepted'],
    );
    const after1 = Object.fromEntries(counts().map((r) => [r.t, r.n]));
    assert.equal(after1.invitations, (before1.invitations ?? 0) - 1 + 1, 'one cancelled, one new');
    assert.equal(after1.notifications, (before1.notifications ?? 0) + 3);
    assert.equal(after1.outcomes, (before1.outcomes ?? 0) + 3);
    const student = cloud.query<{ n: number }>(
      "select count(*) n from invitations where email = 'student@ext.test'",
    );
    assert.equal(student[0]?.n, 1);
  });

  test('the pull reports the last mutation id of each of the account’s clients', async () => {
    const r = await cloud.as<{ lastMutationIds: Record<string, number> }>(
      ADMIN,
      'GET',
      '/v1/pull?cursor=0',
    );
    assert.deepEqual(r.body.lastMutationIds, { 'desk-1': 6, 'desk-2': 3 });
  });

  test('a client id belongs to one account', async () => {
    const r = await cloud.as<{ error: string; message: string }>(
      'member1@acme.test',
      'POST',
      '/v1/mutations',
      {
        clientId: 'desk-1',
        mutations: [{ id: 7, name: 'requestCredits', args: {} }],
      },
    );
    assert.equal(r.status, 403);
    assert.match(r.body.message, /client id belongs to another account/);
  });
});
