// After N operations a pull since the previous cursor returns exactly the changed
// rows and deletions; a member's pull holds nothing of other users; old cursors reset.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { PullAnswer } from '../../src-shared/cloud-api/sync.ts';
import { compactFeed } from '../../src-cloud/org/feed.ts';
import { openTestStore } from '../support/store.ts';
import { startOrgCloud, type OrgCloud } from './helpers.ts';

const ADMIN = 'admin@acme.test';
const M1 = 'member1@acme.test';
type Rows = Array<Record<string, unknown>>;

const ids = (rows: unknown, key = 'id') => ((rows ?? []) as Rows).map((r) => String(r[key])).sort();

describe('change feed', () => {
  let cloud: OrgCloud;
  let adminCursor = 0;
  let memberCursor = 0;
  before(async () => {
    cloud = await startOrgCloud();
  });
  after(async () => {
    await cloud?.close();
  });
  const pull = async (email: string, cursor: number) => {
    const r = await cloud.as<PullAnswer>(email, 'GET', `/v1/pull?cursor=${cursor}`);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    return r.body;
  };

  test('a first pull is the whole state the account may see', async () => {
    const admin = await pull(ADMIN, 0);
    assert.equal(admin.reset, true);
    assert.deepEqual(ids(admin.changes.users), [
      'acc-borrower',
      'acc-free',
      'acc-guest',
      'acc-m1',
      'acc-m2',
    ]);
    assert.equal(
      admin.changes.assignments?.length,
      4,
      "the organization's assignments, not Beta Corp's",
    );
    assert.deepEqual(ids(admin.changes.organization), ['org-acme']);
    assert.deepEqual(ids(admin.changes.invitations), ['inv-accept', 'inv-cancel', 'inv-decline']);
    adminCursor = admin.cursor;

    const member = await pull(M1, 0);
    assert.equal(member.reset, true);
    assert.deepEqual(ids(member.changes.users), ['acc-m1']);
    assert.deepEqual(ids(member.changes.organization), ['org-acme']);
    for (const a of (member.changes.assignments ?? []) as Rows) assert.equal(a.userId, 'acc-m1');
    assert.equal(member.changes.assignments?.length, 1);
    assert.deepEqual(member.changes.invitations, []);
    assert.deepEqual(member.changes.purchases, []);
    assert.deepEqual(member.changes.borrows, []);
    assert.deepEqual(member.changes.creditLots, []);
    assert.deepEqual(member.changes.creditAccess, []);
    memberCursor = member.cursor;
  });

  test('after N operations a pull returns exactly what changed', async () => {
    const ops: Array<[string, string, string, unknown]> = [
      [ADMIN, 'POST', '/v1/org/invitations', { email: 'plain@ext.test', role: 'member' }],
      [
        ADMIN,
        'POST',
        '/v1/org/assignments',
        { userId: 'acc-m1', purchaseId: 'p-vray-late', quantity: 1 },
      ],
      [
        ADMIN,
        'POST',
        '/v1/org/credit-access',
        { userIds: ['acc-m1'], access: { mode: 'limit', limit: 20 } },
      ],
      [ADMIN, 'POST', '/v1/org/users/remove', { userIds: ['acc-free'] }],
      [ADMIN, 'POST', '/v1/org/invitations/cancel', { invitationId: 'inv-cancel' }],
      [M1, 'POST', '/v1/credits/request', { amount: 10 }],
    ];
    const answers: Array<{ status: string; value?: Record<string, string> }> = [];
    for (const [who, method, path, body] of ops) {
      const r = await cloud.as<{ status: string; value?: Record<string, string> }>(
        who,
        method,
        path,
        body,
      );
      assert.equal(r.status, 200, `${path}: ${JSON.stringify(r.body)}`);
      answers.push(r.body);
    }
    const invitationId = answers[0]?.value?.invitationId;
    const assignmentId = answers[1]?.value?.assignmentId;
    assert.ok(invitationId && assignmentId);

    const admin = await pull(ADMIN, adminCursor);
    assert.equal(admin.reset, false);
    assert.deepEqual(ids(admin.changes.invitations), [invitationId, 'inv-cancel'].sort());
    assert.deepEqual(ids(admin.changes.assignments), [assignmentId]);
    assert.deepEqual(ids(admin.changes.creditAccess, 'userId'), ['acc-m1']);
    assert.deepEqual(admin.changes.users, []);
    assert.deepEqual(
      ((admin.changes.notifications ?? []) as Rows).map((n) => n.kind),
      ['credits_requested'],
    );
    for (const t of ['organization', 'purchases', 'borrows', 'creditLots'] as const)
      assert.deepEqual(admin.changes[t], [], t);
    assert.deepEqual(admin.deletes, { users: ['acc-free'] });
    assert.ok(admin.cursor > adminCursor);

    const member = await pull(M1, memberCursor);
    assert.equal(member.reset, false);
    assert.deepEqual(ids(member.changes.assignments), [assignmentId]);
    assert.deepEqual(ids(member.changes.creditAccess, 'userId'), ['acc-m1']);
    assert.deepEqual(((member.changes.notifications ?? []) as Rows).map((n) => n.kind).sort(), [
      'credit_access_changed',
      'product_assigned',
    ]);
    assert.deepEqual(member.changes.users, []);
    assert.deepEqual(member.changes.invitations, []);
    assert.deepEqual(member.deletes, {}, "nothing of other users' removal");
    const text = JSON.stringify(member);
    for (const other of ['acc-free', 'plain@ext.test', 'acc-m2', 'acc-borrower', 'acc-guest'])
      assert.ok(!text.includes(other), `the member's pull mentions ${other}`);

    const again = await pull(ADMIN, admin.cursor);
    assert.equal(again.reset, false);
    assert.ok(Object.values(again.changes).every((rows) => (rows ?? []).length === 0));
    assert.deepEqual(again.deletes, {});
    adminCursor = admin.cursor;
  });

  test('joining an organization resets the next pull with what becomes visible', async () => {
    const before1 = await pull('pending@ext.test', 0);
    assert.deepEqual(ids(before1.changes.invitations), ['inv-accept']);
    assert.deepEqual(before1.changes.organization, []);
    const r = await cloud.as('pending@ext.test', 'POST', '/v1/invitations/accept', {
      invitationId: 'inv-accept',
    });
    assert.equal(r.status, 200);
    const after1 = await pull('pending@ext.test', before1.cursor);
    assert.equal(after1.reset, true);
    assert.deepEqual(ids(after1.changes.organization), ['org-acme']);
    assert.deepEqual(ids(after1.changes.users), ['acc-pending']);
  });

  test('a cursor from before a compaction gets a full reset', async () => {
    const db = await openTestStore(cloud);
    try {
      const forgotten = await compactFeed(db, { seq: adminCursor });
      assert.ok(forgotten >= 1);
    } finally {
      await db.destroy();
    }
    const old = await pull(ADMIN, adminCursor - 1);
    assert.equal(old.reset, true);
    assert.ok(!ids(old.changes.users).includes('acc-free'));
    assert.ok(ids(old.changes.users).includes('acc-pending'));
    const current = await pull(ADMIN, old.cursor);
    assert.equal(current.reset, false);
  });

  test('bad cursors are refused', async () => {
    for (const q of ['', '?cursor=-1', '?cursor=abc', '?cursor=1&extra=2']) {
      const r = await cloud.as<{ error: string }>(ADMIN, 'GET', `/v1/pull${q}`);
      assert.equal(r.status, 400, q);
      assert.equal(r.body.error, 'bad_request');
    }
  });
});
