// Issue 17, one change pipeline: a user upgrades with changes an older desktop queued offline under
// the old mutation names (invite of one, inviteBatch, assignProduct, assignProducts, revokeProduct,
// revokeProducts). The new desktop sends them as they are; the cloud reads them at its door as
// today's invite/assign/revoke (src-shared/org/legacy-mutations.ts) and applies each, and a refusal
// comes back with the seeds' message as before.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { adminOffline } from './admin-offline.ts';
import { ADMIN, bridge, cloudReader, removeTempDirs, userByEmail } from './helpers.ts';

after(removeTempDirs);

interface CloudUsers {
  users: { email: string; products: { productCode: string; purchaseId: string }[] }[];
}

test('outbox entries with the old mutation names are applied by the cloud after an upgrade', async () => {
  const offline = await adminOffline();
  const { core } = offline;
  let cloud = offline.cloud;
  try {
    const olivia = await userByEmail(core, 'olivia.brown@freelance.example');
    const marco = await userByEmail(core, 'marco.rossi@northwind.example');
    const priya = await userByEmail(core, 'priya.nair@northwind.example');
    assert.ok(marco.products.some((p) => p.productCode === 'enscape'));

    // The outbox rows an older desktop wrote: the old names with their old arguments.
    const old: Array<[string, unknown]> = [
      ['invite', { email: 'nadia.haddad@example.com', role: 'guest' }],
      ['inviteBatch', { invitations: [{ email: 'nobody@example.com', role: 'member' }] }],
      ['assignProduct', { userId: olivia.id, purchaseId: 'pur_nw_rendernode', quantity: 1 }],
      ['assignProducts', { userIds: [priya.id], purchaseIds: ['pur_nw_rendernode'] }],
      ['revokeProduct', { userId: marco.id, productCode: 'enscape' }],
      ['revokeProducts', { userIds: [olivia.id], productCodes: ['no-such-product'] }],
    ];
    const ids = core.sync.store.enqueueMany(
      old.map(([name, args]) => ({ name, args, description: `old ${name}`, effects: [] })),
      core.now(),
    );

    const drained = core.next('sync.status', (s) => s.online && s.pending === 0 && !s.syncing);
    cloud = await offline.restart();
    await drained;

    const answers = await Promise.all(
      ids.map((mutationId) => bridge(core, 'org.changeResult', { mutationId })),
    );
    assert.deepEqual(
      answers.map((a) => a.state),
      ['accepted', 'rejected', 'accepted', 'accepted', 'accepted', 'rejected'],
    );
    // The refused ones say why in the seeds' words, as they did under the old names.
    assert.equal(answers[1]?.message, 'User with email "nobody@example.com" does not exist');
    assert.deepEqual(
      answers[1]?.failed.map((f) => f.key),
      ['nobody@example.com'],
    );

    const reader = await cloudReader(cloud.url, ADMIN.email, ADMIN.password);
    const { users } = await reader.get<CloudUsers>('/v1/org/users');
    const holds = (email: string, code: string) =>
      users.find((u) => u.email === email)?.products.some((p) => p.productCode === code);
    assert.ok(holds(olivia.email, 'vray-render-node'), 'assignProduct applied');
    assert.ok(holds(priya.email, 'vray-render-node'), 'assignProducts applied');
    assert.ok(!holds(marco.email, 'enscape'), 'revokeProduct applied');
    const invitations = await reader.get<{ email: string; status: string }[]>(
      '/v1/org/invitations?status=pending',
    );
    assert.ok(
      invitations.some((i) => i.email === 'nadia.haddad@example.com'),
      'invite applied',
    );

    // The audit log words them as before: one item or many.
    const audit = await reader.get<{ operation: string; via: string }[]>('/v1/org/audit?limit=20');
    const order = audit
      .filter((a) => a.via === 'mutation')
      .map((a) => a.operation)
      .reverse();
    assert.deepEqual(order, [
      'invite',
      'invite',
      'assignProduct',
      'assignProduct',
      'revokeProduct',
      'revokeProduct',
    ]);
  } finally {
    await core.close();
    await cloud.close();
  }
});
