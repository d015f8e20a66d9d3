// The administrator signed in on a core whose cloud then went away, so changes queue offline
// (test/sync/legacy-outbox.test.ts; offline-admin.test.ts does the same inline).
import { ADMIN, startCloud, tempDir } from '../core/helpers.ts';
import { openSyncCore } from './helpers.ts';

/** `cloud` is the closed cloud; `restart` brings it back on its port and data. */
export async function adminOffline() {
  const cloudDir = tempDir('cloud');
  const cloud = await startCloud(cloudDir);
  const core = await openSyncCore(tempDir('core'), cloud.url);
  await core.signIn(ADMIN.email, ADMIN.password);
  const offline = core.next('sync.status', (s) => !s.online);
  await cloud.close();
  await core.syncNow();
  await offline;
  return { core, cloud, restart: () => startCloud(cloudDir, cloud.port) };
}
