// Issue 17: the user list reads the page it paints from the core. Pages of `org.users` and
// `org.userIds` agree on who matches and in which order (by name, then email); `all` counts the
// organization whatever the filter; a user a pending change removed leaves pages and counts at
// once, and comes back in place when the change is refused or undone.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import {
  ADMIN,
  bridge,
  bridgeEnvelope,
  openSyncCore,
  removeTempDirs,
  startCloud,
  tempDir,
} from './helpers.ts';

after(removeTempDirs);

test('pages, ids and counts of the user list come from the core, pending changes included', async () => {
  const cloud = await startCloud(tempDir('cloud'));
  const core = await openSyncCore(tempDir('core'), cloud.url);
  try {
    await core.signIn(ADMIN.email, ADMIN.password);
    const whole = await bridge(core, 'org.users', { pageSize: 1000 });
    assert.ok(whole.total >= 6, `${whole.total} users in the demo organization`);
    assert.equal(whole.all, whole.total);
    const names = whole.users.map((u) => u.name);
    const collator = new Intl.Collator();
    assert.deepEqual(
      names,
      [...names].sort((a, b) => collator.compare(a, b)),
    );

    // Pages of three, put together, are the whole list; the ids agree in order.
    const paged: string[] = [];
    for (let page = 0; page * 3 < whole.total; page++) {
      const p = await bridge(core, 'org.users', { page, pageSize: 3 });
      assert.equal(p.total, whole.total);
      paged.push(...p.users.map((u) => u.id));
    }
    assert.deepEqual(
      paged,
      whole.users.map((u) => u.id),
    );
    assert.deepEqual((await bridge(core, 'org.userIds', {})).ids, paged);

    // A filter narrows `total` and the ids alike; `all` stays the organization's count.
    const guests = await bridge(core, 'org.users', { role: 'guest', pageSize: 1000 });
    assert.ok(guests.total > 0 && guests.total < whole.total);
    assert.equal(guests.all, whole.total);
    assert.deepEqual(
      (await bridge(core, 'org.userIds', { role: 'guest' })).ids,
      guests.users.map((u) => u.id),
    );

    // A removal queued offline: the user leaves pages, ids and counts before the cloud answers.
    // (A user holding no product: one holding some is refused until they are revoked.)
    const gone = whole.users.find((u) => u.products.length === 0 && u.email !== ADMIN.email);
    assert.ok(gone, 'a user without products');
    const offline = core.next('sync.status', (s) => !s.online);
    await cloud.close();
    await core.syncNow();
    await offline;
    await bridge(core, 'org.removeUsers', { userIds: [gone.id] });
    const after = await bridge(core, 'org.users', { pageSize: 1000 });
    assert.equal(after.all, whole.total - 1);
    assert.equal(after.total, whole.total - 1);
    assert.ok(!after.users.some((u) => u.id === gone.id));
    assert.ok(!(await bridge(core, 'org.userIds', {})).ids.includes(gone.id));

    // Bad input changes nothing and says which field.
    const bad = await bridgeEnvelope(core, 'org.userIds', { page: 2 });
    assert.equal(bad.ok, false);
  } finally {
    await core.close();
    await cloud.close().catch(() => undefined);
  }
});
