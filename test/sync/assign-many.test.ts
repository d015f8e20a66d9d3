// Bulk assignment as ONE change (docs/sources.md, Portal guide §XIV): org.assignMany through the bridge against the real
// core and cloud — every user × purchase in the cloud and the replica, the cloud's per-item refusals
// with its message, and bad input refused with nothing queued.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { itemKey } from '../../src-shared/org/item-key.ts';
import { noFreeSeats, PURCHASE_NOT_FOUND } from '../../src-shared/org/messages.ts';
import {
  ADMIN,
  bridge,
  bridgeEnvelope,
  cloudReader,
  openSyncCore,
  removeTempDirs,
  startCloud,
  tempDir,
  userByEmail,
} from './helpers.ts';

after(removeTempDirs);

const RENDER_NODE = 'pur_nw_rendernode';
const VRAY_SEPT = 'pur_nw_vray3dsmax_2027_09';
const PHOENIX = 'pur_nw_phoenix';

interface CloudUsers {
  users: { email: string; products: { purchaseId: string; productCode: string }[] }[];
}

const purchasesOf = (users: CloudUsers['users'], email: string) =>
  (users.find((u) => u.email === email)?.products ?? []).map((p) => p.purchaseId).sort();

test('org.assignMany: 3 users × 2 purchases is one change of 6 assignments, in the cloud and the replica', async () => {
  const cloud = await startCloud(tempDir('cloud'));
  const core = await openSyncCore(tempDir('core'), cloud.url);
  try {
    await core.signIn(ADMIN.email, ADMIN.password);
    const emails = [
      'aiko.tanaka@northwind.example',
      'sofia.andersson@northwind.example',
      'chen.wei@lumen-render.example',
    ];
    const users = await Promise.all(emails.map((e) => userByEmail(core, e)));
    const before = (await bridge(core, 'sync.status', {})).pending;

    const synced = core.next('sync.status', (s) => s.online && s.pending === 0 && !s.syncing);
    const queued = await bridge(core, 'org.assignMany', {
      userIds: users.map((u) => u.id),
      purchaseIds: [VRAY_SEPT, RENDER_NODE],
    });
    assert.deepEqual(queued.failed, []);
    assert.equal(queued.pending, before + 1, 'one change in the outbox, not six');
    // The replica shows the six at once, pending.
    for (const e of emails) {
      const u = await userByEmail(core, e);
      const mine = u.products.filter(
        (p) => p.purchaseId === VRAY_SEPT || p.purchaseId === RENDER_NODE,
      );
      assert.equal(mine.length, 2, `${e} holds both at once`);
    }
    await synced;

    const result = await bridge(core, 'org.changeResult', { mutationId: queued.mutationId });
    assert.equal(result.state, 'accepted');
    assert.deepEqual(result.failed, []);

    const reader = await cloudReader(cloud.url, ADMIN.email, ADMIN.password);
    const { users: inCloud } = await reader.get<CloudUsers>('/v1/org/users');
    for (const e of emails) {
      const held = purchasesOf(inCloud, e);
      assert.ok(
        held.includes(VRAY_SEPT) && held.includes(RENDER_NODE),
        `${e} in the cloud: ${held}`,
      );
    }
    const audit =
      await reader.get<{ operation: string; target: string; outcome: string }[]>(
        '/v1/org/audit?limit=5',
      );
    const entry = audit.find((a) => a.operation === 'assignProducts');
    assert.equal(entry?.target, '2 product(s) to 3 user(s)');
    assert.equal(entry?.outcome, 'accepted');

    // After the pull the replica holds the cloud's rows, no longer pending.
    for (const e of emails) {
      const u = await userByEmail(core, e);
      const mine = u.products.filter(
        (p) => p.purchaseId === VRAY_SEPT || p.purchaseId === RENDER_NODE,
      );
      assert.equal(mine.length, 2);
      assert.ok(mine.every((p) => !p.pending));
    }
  } finally {
    await core.close();
    await cloud.close();
  }
});

test('org.assignMany: too few free seats gives per-item refusals, locally and from the cloud', async () => {
  const cloudDir = tempDir('cloud');
  let cloud = await startCloud(cloudDir);
  const port = cloud.port;
  // A long backoff: the core reconnects only when asked, so the cloud can change first.
  const core = await openSyncCore(tempDir('core'), cloud.url, {
    reconnect: { minMs: 600_000, maxMs: 600_000 },
  });
  try {
    await core.signIn(ADMIN.email, ADMIN.password);
    const aiko = await userByEmail(core, 'aiko.tanaka@northwind.example');
    const priya = await userByEmail(core, 'priya.nair@northwind.example');
    const marco = await userByEmail(core, 'marco.rossi@northwind.example');
    const phoenix = (await bridge(core, 'org.purchases', {})).find((p) => p.id === PHOENIX);
    assert.equal(phoenix && phoenix.quantity - phoenix.assigned, 1, 'one Phoenix seat is free');
    await cloud.close();
    await core.syncNow();
    assert.equal(core.syncStatus().online, false);

    // Offline: the replica has one free Phoenix seat, so the pre-check refuses the second user.
    const queued = await bridge(core, 'org.assignMany', {
      userIds: [aiko.id, priya.id],
      purchaseIds: [PHOENIX, RENDER_NODE],
    });
    const local = noFreeSeats('Phoenix for 3ds Max', 0);
    assert.deepEqual(queued.failed, [
      {
        key: `${priya.id}:${PHOENIX}`,
        email: priya.email,
        code: 'no_free_seats',
        message: local,
      },
    ]);
    assert.equal(queued.pending, 1);
    const pending = await bridge(core, 'org.changeResult', { mutationId: queued.mutationId });
    assert.equal(pending.state, 'pending');

    // Meanwhile another admin session gives the last Phoenix seat to Marco.
    cloud = await startCloud(cloudDir, port);
    const reader = await cloudReader(cloud.url, ADMIN.email, ADMIN.password);
    await reader.post('/v1/org/assignments', {
      userId: marco.id,
      purchaseId: PHOENIX,
      quantity: 1,
    });

    const drained = core.next('sync.status', (s) => s.online && s.pending === 0 && !s.syncing);
    await core.syncNow();
    await drained;
    const result = await bridge(core, 'org.changeResult', { mutationId: queued.mutationId });
    assert.equal(result.state, 'accepted', 'the Render Node items applied');
    const aikoFailure = result.failed.find((f) => f.key === `${aiko.id}:${PHOENIX}`);
    assert.deepEqual(aikoFailure && { ...aikoFailure }, {
      key: `${aiko.id}:${PHOENIX}`,
      email: aiko.email,
      code: 'no_free_seats',
      message: noFreeSeats('Phoenix for 3ds Max', 0),
    });

    // The replica follows the cloud: Render Node for both, Phoenix for Marco only.
    const a = await userByEmail(core, aiko.email);
    assert.ok(a.products.some((p) => p.purchaseId === RENDER_NODE && !p.pending));
    assert.ok(!a.products.some((p) => p.purchaseId === PHOENIX), 'the refused seat is gone');
    const p = await userByEmail(core, priya.email);
    assert.ok(p.products.some((x) => x.purchaseId === RENDER_NODE));
    assert.ok(!p.products.some((x) => x.purchaseId === PHOENIX));
    const m = await userByEmail(core, marco.email);
    assert.ok(m.products.some((x) => x.purchaseId === PHOENIX));
  } finally {
    await core.close();
    await cloud.close();
  }
});

test('org.assignMany: bad input is bad_request and nothing is queued', async () => {
  const cloud = await startCloud(tempDir('cloud'));
  const core = await openSyncCore(tempDir('core'), cloud.url);
  try {
    await core.signIn(ADMIN.email, ADMIN.password);
    const aiko = await userByEmail(core, 'aiko.tanaka@northwind.example');
    const before = core.syncStatus().pending;
    const bad: [unknown, RegExp][] = [
      [{ userIds: [], purchaseIds: [RENDER_NODE] }, /Invalid .*userIds/],
      [{ userIds: [aiko.id], purchaseIds: [] }, /Invalid .*purchaseIds/],
      [{ userIds: [aiko.id] }, /Invalid .*purchaseIds is required/],
      [{ userIds: [aiko.id], purchaseIds: [RENDER_NODE], quantity: 2 }, /Invalid /],
      [{ userIds: 'all', purchaseIds: [RENDER_NODE] }, /Invalid .*userIds/],
    ];
    for (const [input, message] of bad) {
      const env = await bridgeEnvelope(core, 'org.assignMany', input);
      assert.equal(env.ok, false, JSON.stringify(input));
      assert.equal(!env.ok && env.error.code, 'bad_request', JSON.stringify(input));
      assert.match(!env.ok ? env.error.message : '', message);
    }
    // Every item refused by the pre-check: the reason is the answer, and nothing is queued.
    const none = await bridgeEnvelope(core, 'org.assignMany', {
      userIds: [aiko.id],
      purchaseIds: ['pur_nobody'],
    });
    assert.equal(!none.ok && none.error.message, PURCHASE_NOT_FOUND);
    assert.equal(core.syncStatus().pending, before);
    assert.equal(core.syncStatus().failed.length, 0);

    // One purchase: its refusals carry the one item key (user and purchase), as the cloud's do.
    const priya = await userByEmail(core, 'priya.nair@northwind.example');
    const one = await bridge(core, 'org.assignMany', {
      userIds: [aiko.id, priya.id],
      purchaseIds: [PHOENIX],
    });
    assert.deepEqual(
      one.failed.map((f) => [f.key, f.code]),
      [[itemKey(priya.id, PHOENIX), 'no_free_seats']],
    );
  } finally {
    await core.close();
    await cloud.close();
  }
});
