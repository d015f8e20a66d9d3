// With the cloud down a restarted core opens from the replica, offline with the data's age,
// and signs in again by itself when the cloud returns.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { Core } from '../../src-main/core/core.ts';
import { ADMIN, haveKeyring, openCore, removeTempDirs, startCloud, tempDir } from './helpers.ts';

after(removeTempDirs);

test('offline reopen from the replica, then a silent sign-in when the cloud returns', async () => {
  const cloudDir = tempDir('cloud');
  const dataDir = tempDir('core');
  // The credential must outlive the first core: the real keychain, or the 0600 file without one.
  const credentialFile = haveKeyring ? undefined : join(dataDir, 'credential');
  let cloud = await startCloud(cloudDir);
  const port = cloud.port;
  const cores: Core[] = [];
  try {
    const first = await openCore({ dataDir, cloudUrl: cloud.url, credentialFile });
    cores.push(first);
    await first.signIn(ADMIN.email, ADMIN.password);
    const licenses = first.licenses();
    const syncedAt = first.syncStatus().lastSyncAt;
    assert.ok(syncedAt);
    await first.close();
    await cloud.close();

    const second = await openCore({ dataDir, cloudUrl: cloud.url, credentialFile });
    cores.push(second);
    const offline = second.session();
    assert.equal(offline.signedIn, true, 'signed in from the replica');
    assert.equal(offline.sync.online, false);
    assert.equal(offline.sync.lastSyncAt, syncedAt, 'the data age is the last sync');
    assert.match(offline.sync.message ?? '', /unreachable/);
    assert.equal(offline.account?.email, ADMIN.email);
    assert.deepEqual(second.licenses(), licenses, 'the views read the replica while offline');

    const backOnline = second.next('sync.status', (s) => s.online);
    const sessionEvent = second.next('session.changed', (s) => s.signedIn && s.sync.online);
    cloud = await startCloud(cloudDir, port);
    const status = await backOnline;
    const session = await sessionEvent;
    assert.equal(status.online, true);
    assert.equal(status.message, undefined);
    assert.ok(status.lastSyncAt && status.lastSyncAt > syncedAt, 'it pulled again');
    assert.equal(session.account?.email, ADMIN.email);
    assert.equal(second.session().sync.online, true);
  } finally {
    for (const c of cores) await c.close();
    await cloud.close();
  }
});
