// Render jobs and their charges sync into the desktop's replica like everything else and show
// offline (issue 19): a member renders through the bridge, the job ends by the cloud's clock, and
// with the cloud gone the overview still shows the job, its final cost and the quota used.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { startCloudServer } from '../../src-cloud/server.ts';
import { manualClock } from '../../src-shared/clock.ts';
import { bridge, bridgeEnvelope, openSyncCore, removeTempDirs, tempDir } from '../sync/helpers.ts';
import { within } from '../support/wait.ts';
import { creditSeed, scene } from './helpers.ts';

after(removeTempDirs);

test('a render job and its charge show from the replica, offline too', async () => {
  const clock = manualClock(Date.now());
  const cloud = await startCloudServer({
    port: 0,
    dataDir: tempDir('cloud'),
    seedFile: creditSeed,
    clock,
  });
  const core = await openSyncCore(tempDir('core'), cloud.url);
  try {
    await core.signIn('user02@render.test', 'demo1234');
    const quote = await bridge(core, 'render.quote', scene('hall.max'));
    assert.equal(quote.email, 'user02@render.test');
    assert.deepEqual(quote.organization?.name, 'Render Studio');
    const job = await bridge(core, 'render.submit', scene('hall.max'));
    assert.equal(job.status, 'rendering');
    clock.advance(4 * 6_000 + 1);
    await bridge(core, 'sync.now', {});
    const online = await bridge(core, 'credits.overview', {});
    const done = online.jobs.find((j) => j.id === job.id);
    assert.equal(done?.status, 'done');
    assert.ok(done?.cost && done.cost > 0 && done.cost <= 5);
    assert.equal(online.quota?.used, done.cost);
    assert.equal(online.consumption.at(-1)?.total, done.cost);

    const offline = core.next('sync.status', (s) => !s.online);
    await cloud.close();
    await bridge(core, 'sync.now', {}).catch(() => undefined);
    await within('the core to notice the cloud is gone', offline);
    const shown = await bridge(core, 'credits.overview', {});
    assert.deepEqual(shown.jobs, online.jobs);
    assert.equal(shown.quota?.used, done.cost);
    // A render needs the farm: offline it is refused with the reason, nothing queued.
    const refused = await bridgeEnvelope(core, 'render.submit', scene('late.max'));
    assert.equal(refused.ok, false);
  } finally {
    await core.close();
    await cloud.close().catch(() => undefined);
  }
});
