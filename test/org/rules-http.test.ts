// Every portal rule walked through the REST API of a real server with the seeds'
// exact messages, and the same cases through POST /v1/mutations with identical outcomes.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { orgRoutes, type OrgRouteSpec } from '../../src-shared/cloud-api/org.ts';
import { statusOf } from '../../src-shared/org/model.ts';
import type { SentName } from '../../src-shared/org/legacy-mutations.ts';
import type { MutationResult } from '../../src-shared/org/mutations.ts';
import { ADMIN, M1, cases, type Case, type Expect, type Item } from './rule-cases.ts';
import { startOrgCloud, type OrgCloud } from './helpers.ts';

/** What both paths are compared on. */
function normalize(r: Omit<MutationResult, 'id'>): Expect {
  return {
    status: r.status,
    ...(r.status === 'rejected' ? { code: r.code, message: r.message } : {}),
    ...(r.items
      ? { items: r.items.map((i): Item => (i.ok ? [i.key, true] : [i.key, false, i.message])) }
      : {}),
  };
}

const routeOf = (op: SentName) =>
  Object.values(orgRoutes as Record<string, OrgRouteSpec>).find((r) => r.mutation === op);

async function viaRest(cloud: OrgCloud, c: Case): Promise<Expect> {
  const route = routeOf(c.op);
  assert.ok(route, `a REST route runs ${c.op}`);
  const r = await cloud.as<Omit<MutationResult, 'id'> & { error?: string; message?: string }>(
    c.as,
    route.method,
    route.path,
    c.args,
  );
  if (r.status === 200) return normalize(r.body);
  assert.ok(r.body.error, `${c.name}: an error body`);
  assert.equal(r.status, statusOf(r.body.error), `${c.name}: HTTP status of ${r.body.error}`);
  return { status: 'rejected', code: r.body.error, message: r.body.message };
}

let mutationId = 0;
async function viaPush(cloud: OrgCloud, c: Case): Promise<Expect> {
  const id = ++mutationId;
  const r = await cloud.as<{ results: MutationResult[]; lastMutationId: number }>(
    c.as,
    'POST',
    '/v1/mutations',
    { clientId: `client-of-${c.as}`, mutations: [{ id, name: c.op, args: c.args }] },
  );
  assert.equal(r.status, 200, `${c.name}: push answered ${JSON.stringify(r.body)}`);
  const [result] = r.body.results;
  assert.ok(result);
  assert.equal(result.id, id);
  return normalize(result);
}

describe('portal rules over HTTP and through the mutation endpoint', () => {
  let rest: OrgCloud;
  let push: OrgCloud;
  before(async () => {
    [rest, push] = await Promise.all([startOrgCloud(), startOrgCloud()]);
  });
  after(async () => {
    await Promise.all([rest?.close(), push?.close()]);
  });

  test('every case answers the same outcome both ways, with the exact message', async () => {
    for (const c of cases) {
      const [a, b] = [await viaRest(rest, c), await viaPush(push, c)];
      assert.deepEqual(a, c.expect, `REST: ${c.name}`);
      assert.deepEqual(b, c.expect, `mutation: ${c.name}`);
    }
  });

  test('both servers end in the same organization state', () => {
    const state = (cloud: OrgCloud) =>
      cloud.query(
        `select 'm' k, account_id a, role b, '' c from memberships
         union all select 'a', account_id, purchase_id, cast(quantity as text) from assignments
         union all select 'i', email, role, status from invitations
         union all select 'c', account_id, mode, coalesce(cast(limit_milli as text), '') from credit_access
         union all select 'n', account_id, kind, '' from notifications
         order by 1, 2, 3, 4`,
      );
    assert.deepEqual(state(rest), state(push));
    const guestSeats = rest.query<{ n: number }>(
      "select count(*) n from assignments where account_id = 'acc-guest'",
    );
    assert.equal(guestSeats[0]?.n, 0, 'both vray-3dsmax seats of the guest went together');
    const removed = rest.query<{ n: number }>(
      "select count(*) n from credit_access where account_id = 'acc-free'",
    );
    assert.equal(removed[0]?.n, 0);
  });

  test('the administrator reads the audit log; nobody else does', async () => {
    const log = await rest.as<
      Array<{ operation: string; outcome: string; reason: string | null; actorEmail: string }>
    >(ADMIN, 'GET', '/v1/org/audit?limit=1000');
    assert.equal(log.status, 200);
    const removal = log.body.find((e) => e.operation === 'removeUsers' && e.outcome === 'partial');
    assert.ok(removal);
    assert.match(removal.reason ?? '', /borrower@acme\.test: Borrowed product\(s\)/);
    assert.ok(
      log.body.some(
        (e) => e.operation === 'invite' && e.actorEmail === M1 && e.outcome === 'rejected',
      ),
    );
    assert.ok(
      log.body.some(
        (e) => e.operation === 'acceptInvitation' && e.actorEmail === 'pending@ext.test',
      ),
    );
    const member = await rest.as<{ error: string; message: string }>(M1, 'GET', '/v1/org/audit');
    assert.equal(member.status, 403);
    assert.equal(member.body.message, 'Only the Administrator of the organization can do this');
    const other = await rest.as<Array<{ actorEmail: string }>>(
      'other-admin@beta.test',
      'GET',
      '/v1/org/audit',
    );
    assert.equal(other.status, 200);
    assert.ok(other.body.every((e) => e.actorEmail === 'other-admin@beta.test'));
  });

  test("admin lists show the organization's users and invitations only", async () => {
    const users = await rest.as<{
      users: Array<{ email: string; creditAccess: { label: string } }>;
    }>(ADMIN, 'GET', '/v1/org/users');
    assert.equal(users.status, 200);
    const emails = users.body.users.map((u) => u.email);
    assert.ok(emails.includes('pending@ext.test'));
    assert.ok(!emails.includes('free@acme.test'));
    assert.ok(!emails.includes('other-member@beta.test'));
    assert.equal(users.body.users.find((u) => u.email === M1)?.creditAccess.label, '20 / 20');
    const invitations = await rest.as<Array<{ email: string; status: string }>>(
      ADMIN,
      'GET',
      '/v1/org/invitations?status=pending',
    );
    assert.deepEqual(invitations.body.map((i) => i.email).sort(), [
      'buyer@ext.test',
      'plain2@ext.test',
      'plain@ext.test',
      'trialer@ext.test',
    ]);
    assert.equal((await rest.as(M1, 'GET', '/v1/org/users')).status, 403);
    const mine = await rest.as<Array<{ email: string; invitedBy: string }>>(
      'plain@ext.test',
      'GET',
      '/v1/invitations',
    );
    assert.deepEqual(
      mine.body.map((i) => [i.email, i.invitedBy]),
      [['plain@ext.test', ADMIN]],
    );
  });
});
