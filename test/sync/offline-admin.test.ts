// And 4: offline admin through the bridge, the cloud's rejection undone
// locally with its exact message, local pre-checks, and a pull after 100 changes carrying only those.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { OrgUserRow } from '../../src-shared/domain/org.ts';
import { REMOVAL_ASSIGNED } from '../../src-shared/org/messages.ts';
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

interface CloudUsers {
  users: {
    id: string;
    email: string;
    products: { productCode: string }[];
    creditAccess: { mode: string; limit: number | null };
  }[];
}

test('offline admin: changes are pending at once and applied in order when the cloud returns', async () => {
  const cloudDir = tempDir('cloud');
  let cloud = await startCloud(cloudDir);
  const port = cloud.port;
  const core = await openSyncCore(tempDir('core'), cloud.url);
  try {
    await core.signIn(ADMIN.email, ADMIN.password);
    const olivia = await userByEmail(core, 'olivia.brown@freelance.example');
    const marco = await userByEmail(core, 'marco.rossi@northwind.example');
    assert.ok(marco.products.some((p) => p.productCode === 'enscape'));
    const offline = core.next('sync.status', (s) => !s.online);
    await cloud.close();
    await core.syncNow();
    await offline;

    await bridge(core, 'org.invite', {
      invitations: [{ email: 'nadia.haddad@example.com', role: 'guest' }],
    });
    await bridge(core, 'org.assign', { userIds: [olivia.id], purchaseId: 'pur_nw_rendernode' });
    await bridge(core, 'org.revoke', { userIds: [marco.id], productCode: 'enscape' });
    const last = await bridge(core, 'org.setCreditAccess', {
      userIds: [olivia.id],
      access: { mode: 'limit', limit: 50 },
    });
    assert.equal(last.pending, 4);

    // The replica shows every change at once, marked pending.
    const status = await bridge(core, 'sync.status', {});
    assert.equal(status.online, false);
    assert.equal(status.pending, 4);
    const o = await userByEmail(core, olivia.email);
    assert.ok(o.pending);
    assert.ok(o.products.some((p) => p.productCode === 'vray-render-node' && p.pending));
    assert.equal(o.creditAccess.mode, 'limit');
    assert.equal(o.creditAccess.label, '50 / 50');
    const m = await userByEmail(core, marco.email);
    assert.ok(!m.products.some((p) => p.productCode === 'enscape'), 'revoked locally');
    const invitations = await bridge(core, 'org.invitations', { status: 'pending' });
    assert.ok(invitations.some((i) => i.email === 'nadia.haddad@example.com' && i.pending));

    // The cloud returns: the outbox drains in order and the pending count drops to zero.
    const drained = core.next('sync.status', (s) => s.online && s.pending === 0 && !s.syncing);
    cloud = await startCloud(cloudDir, port);
    await drained;
    assert.equal(core.syncStatus().failed.length, 0);

    const reader = await cloudReader(cloud.url, ADMIN.email, ADMIN.password);
    const { users } = await reader.get<CloudUsers>('/v1/org/users');
    const co = users.find((u) => u.email === olivia.email);
    assert.ok(co?.products.some((p) => p.productCode === 'vray-render-node'));
    assert.deepEqual(co?.creditAccess.mode, 'limit');
    assert.equal(co?.creditAccess.limit, 50);
    const cm = users.find((u) => u.email === marco.email);
    assert.ok(!cm?.products.some((p) => p.productCode === 'enscape'));
    const audit = await reader.get<{ operation: string; via: string }[]>('/v1/org/audit?limit=20');
    const order = audit
      .filter((a) => a.via === 'mutation')
      .map((a) => a.operation)
      .reverse();
    assert.deepEqual(order, ['invite', 'assignProduct', 'revokeProduct', 'setCreditAccess']);

    // The replica now holds the authoritative rows, no longer pending.
    const after = await userByEmail(core, olivia.email);
    assert.equal(after.pending, false);
    assert.ok(after.products.some((p) => p.productCode === 'vray-render-node' && !p.pending));
    const inv = await bridge(core, 'org.invitations', { status: 'pending' });
    assert.ok(
      inv.some(
        (i) => i.email === 'nadia.haddad@example.com' && !i.pending && !i.id.startsWith('local:'),
      ),
    );
  } finally {
    await core.close();
    await cloud.close();
  }
});

test('a change the cloud rejects is undone locally and listed with its exact message', async () => {
  const cloudDir = tempDir('cloud');
  let cloud = await startCloud(cloudDir);
  const port = cloud.port;
  // A long backoff: the core reconnects only when asked, so the cloud can change first.
  const core = await openSyncCore(tempDir('core'), cloud.url, {
    reconnect: { minMs: 600_000, maxMs: 600_000 },
  });
  try {
    await core.signIn(ADMIN.email, ADMIN.password);
    const chen = await userByEmail(core, 'chen.wei@lumen-render.example');
    const marco = await userByEmail(core, 'marco.rossi@northwind.example');
    assert.equal(chen.products.length, 0);
    await cloud.close();
    await core.syncNow();
    assert.equal(core.syncStatus().online, false);

    // Pre-check with the shared rules: refused at once, offline, and nothing is queued.
    const refused = await bridgeEnvelope(core, 'org.removeUsers', { userIds: [marco.id] });
    assert.equal(refused.ok, false);
    assert.equal(!refused.ok && refused.error.message, REMOVAL_ASSIGNED);
    assert.equal(core.syncStatus().pending, 0);

    await bridge(core, 'org.removeUsers', { userIds: [chen.id] });
    const gone = await bridge(core, 'org.users', { search: 'chen.wei' });
    assert.equal(gone.total, 0, 'removed locally at once');

    // Meanwhile, on the cloud, Chen got a product.
    cloud = await startCloud(cloudDir, port);
    const reader = await cloudReader(cloud.url, ADMIN.email, ADMIN.password);
    const assigned = await reader.post<{ status: string }>('/v1/org/assignments', {
      userId: chen.id,
      purchaseId: 'pur_nw_rendernode',
      quantity: 1,
    });
    assert.equal(assigned.status, 'accepted');

    const status = await bridge(core, 'sync.now', {});
    assert.equal(status.pending, 0);
    assert.equal(status.failed.length, 1);
    assert.equal(status.failed[0]?.message, REMOVAL_ASSIGNED);
    assert.equal(status.failed[0]?.code, 'assigned_products');
    assert.match(status.failed[0]?.description ?? '', /chen\.wei/);
    const back = await userByEmail(core, chen.email);
    assert.ok(
      back.products.some((p) => p.productCode === 'vray-render-node'),
      'the cloud state is back',
    );

    const dismissed = await bridge(core, 'sync.dismissFailed', {});
    assert.equal(dismissed.failed.length, 0);
  } finally {
    await core.close();
    await cloud.close();
  }
});

test('a pull after 100 changes carries only those changes, not the organization', async () => {
  const cloudDir = tempDir('cloud');
  const cloud = await startCloud(cloudDir);
  const core = await openSyncCore(tempDir('core'), cloud.url);
  try {
    await core.signIn(ADMIN.email, ADMIN.password);
    const reader = await cloudReader(cloud.url, ADMIN.email, ADMIN.password);
    // A first full pull for comparison: the cursor 0 answer, its size measured on the wire.
    const fullBytes = await reader.pullBytes(0);
    const users = (await bridge(core, 'org.users', {})).users;
    // 100 changes: credit access of users, alternating limits.
    for (let i = 0; i < 100; i++) {
      const u = users[i % users.length] as OrgUserRow;
      await reader.post('/v1/org/credit-access', {
        userIds: [u.id],
        access: { mode: 'limit', limit: 100 + i },
      });
    }
    const cursor = core.sync.store.cursor();
    const answer = await core.client.pull(cursor);
    assert.equal(answer.reset, false);
    // Only the changed rows travel: the touched users' credit access (latest state of each row).
    const tables = Object.entries(answer.changes).filter(([, rows]) => rows?.length);
    assert.deepEqual(
      tables.map(([t]) => t),
      ['creditAccess'],
    );
    // At most one row per touched user (a guest with personal credits was refused by the cloud).
    const rows = answer.changes.creditAccess?.length ?? 0;
    assert.ok(rows > 0 && rows <= users.length, `${rows} credit access rows`);
    const incrementalBytes = await reader.pullBytes(cursor);
    assert.ok(
      incrementalBytes * 2 < fullBytes,
      `incremental ${incrementalBytes} B vs full ${fullBytes} B`,
    );
    // The engine's own pull from the same cursor brings that answer: only credit access changed.
    const changed = await core.sync.pullFeed();
    assert.deepEqual(changed, ['creditAccess']);
    const u0 = await userByEmail(core, (users[0] as OrgUserRow).email);
    assert.equal(u0.creditAccess.mode, 'limit');
  } finally {
    await core.close();
    await cloud.close();
  }
});
