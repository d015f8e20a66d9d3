// Malformed JSON, unknown mutation names, wrong types and oversize batches answer 400
// with a message, and the database is byte-for-byte what it was.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startOrgCloud, type OrgCloud } from './helpers.ts';

const ADMIN = 'admin@acme.test';
const many = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ email: `u${i}@ext.test`, role: 'guest' }));
const ids = (n: number) => Array.from({ length: n }, (_, i) => `acc-${i}`);

const cases: Array<[name: string, path: string, body: string, message: RegExp]> = [
  [
    'malformed JSON to the push',
    '/v1/mutations',
    '{"clientId":"c","mutations":[',
    /not valid JSON/,
  ],
  ['malformed JSON to a route', '/v1/org/invitations', '{email:', /not valid JSON/],
  ['a JSON array instead of an object', '/v1/org/invitations', '[]', /Invalid body/],
  [
    'an unknown mutation name (after a valid one: nothing applies)',
    '/v1/mutations',
    JSON.stringify({
      clientId: 'c',
      mutations: [
        { id: 1, name: 'invite', args: { email: 'plain@ext.test', role: 'guest' } },
        { id: 2, name: 'dropOrganization', args: {} },
      ],
    }),
    /Unknown mutation "dropOrganization" \(id 2\); nothing was applied/,
  ],
  [
    'wrong argument types in a mutation',
    '/v1/mutations',
    JSON.stringify({
      clientId: 'c',
      mutations: [
        { id: 1, name: 'invite', args: { email: 'plain@ext.test', role: 'guest' } },
        {
          id: 2,
          name: 'assignProduct',
          args: { userId: 'acc-m1', purchaseId: 'p-vray', quantity: '1' },
        },
      ],
    }),
    /Invalid args of mutation 2 \(assignProduct\): quantity/,
  ],
  [
    'wrong argument types under the mutation names of today',
    '/v1/mutations',
    JSON.stringify({
      clientId: 'c',
      mutations: [
        { id: 1, name: 'invite', args: { invitations: [{ email: 'x@ext.test', role: 'owner' }] } },
      ],
    }),
    /Invalid args of mutation 1 \(invite\): invitations\.0\.role/,
  ],
  [
    'a quantity for more than one user (it belongs to one user and one purchase)',
    '/v1/mutations',
    JSON.stringify({
      clientId: 'c',
      mutations: [
        {
          id: 1,
          name: 'assign',
          args: { userIds: ['acc-m1', 'acc-m2'], purchaseIds: ['p-vray'], quantity: 2 },
        },
      ],
    }),
    /Invalid args of mutation 1 \(assign\): quantity and fromUserId apply to one user and one purchase only/,
  ],
  [
    'an unknown role',
    '/v1/org/invitations',
    JSON.stringify({ email: 'plain@ext.test', role: 'owner' }),
    /Invalid body/,
  ],
  [
    'a mutation id that is not a positive integer',
    '/v1/mutations',
    JSON.stringify({ clientId: 'c', mutations: [{ id: 'one', name: 'requestCredits', args: {} }] }),
    /Invalid body/,
  ],
  [
    'an unknown field',
    '/v1/org/credit-access',
    JSON.stringify({ userIds: ['acc-m1'], access: { mode: 'unlimited' }, force: true }),
    /force is not a known field/,
  ],
  [
    '10,001 invitations over REST',
    '/v1/org/invitations/batch',
    JSON.stringify({ invitations: many(10_001) }),
    /Invalid body: invitations must NOT have more than 10000 items/,
  ],
  [
    '10,001 invitations in one mutation',
    '/v1/mutations',
    JSON.stringify({
      clientId: 'c',
      mutations: [{ id: 1, name: 'inviteBatch', args: { invitations: many(10_001) } }],
    }),
    /Invalid args of mutation 1 \(inviteBatch\): invitations must not have more than 10000 items/,
  ],
  [
    '10,001 users to remove',
    '/v1/org/users/remove',
    JSON.stringify({ userIds: ids(10_001) }),
    /more than 10000 items/,
  ],
  [
    '10,001 users in a credit access update',
    '/v1/mutations',
    JSON.stringify({
      clientId: 'c',
      mutations: [
        {
          id: 1,
          name: 'setCreditAccess',
          args: { userIds: ids(10_001), access: { mode: 'disabled' } },
        },
      ],
    }),
    /more than 10000 items/,
  ],
  [
    '10,001 mutations in one push',
    '/v1/mutations',
    JSON.stringify({
      clientId: 'c',
      mutations: Array.from({ length: 10_001 }, (_, i) => ({
        id: i + 1,
        name: 'requestCredits',
        args: {},
      })),
    }),
    /more than 10000 items/,
  ],
];

describe('bad input changes nothing', () => {
  let cloud: OrgCloud;
  before(async () => {
    cloud = await startOrgCloud();
    await cloud.token(ADMIN); // signing in writes a session: done before the first snapshot
  });
  after(async () => {
    await cloud?.close();
  });

  for (const [name, path, body, message] of cases) {
    test(name, async () => {
      const before1 = cloud.snapshot();
      const r = await cloud.raw<{ error: string; message: string }>(ADMIN, 'POST', path, body);
      assert.equal(r.status, 400, JSON.stringify(r.body));
      assert.equal(r.body.error, 'bad_request');
      assert.match(r.body.message, message);
      assert.ok(cloud.snapshot() === before1, 'the database is unchanged');
    });
  }

  test('exactly 10,000 items is accepted', async () => {
    const r = await cloud.as<{ status: string; items: unknown[] }>(
      ADMIN,
      'POST',
      '/v1/org/invitations/batch',
      {
        invitations: many(10_000),
      },
    );
    assert.equal(r.status, 200);
    assert.equal(r.body.items.length, 10_000);
  });
});
