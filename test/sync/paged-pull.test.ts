// Issue 17: a long first sync arrives in pages (GET /v1/pull with a limit). The status shows the
// rows received and written as they come, no view sees the organization half-synced, and the
// replica ends equal to the cloud's whole answer; later pages with deletions apply in order.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { Replica } from '../../src-main/store/replica.ts';
import { OrgStore } from '../../src-main/store/org-store.ts';
import type { PullAnswer } from '../../src-shared/cloud-api/sync.ts';
import type { SyncProgress } from '../../src-shared/domain/session.ts';
import { resolveRelativeDate } from '../../src-shared/relative-date.ts';
import { BIG_ADMIN, buildBigOrg, startCloudProcess } from '../support/big-org.ts';
import { cloudReader, openSyncCore, removeTempDirs, tempDir } from './helpers.ts';

after(removeTempDirs);

const USERS = 40;

test('a first sync in pages shows its progress, shows no half of it, and ends equal to the cloud', async () => {
  const cloudDir = tempDir('paged-cloud');
  await buildBigOrg(cloudDir, { users: USERS });
  const cloud = await startCloudProcess(cloudDir);
  const core = await openSyncCore(tempDir('paged-core'), cloud.url, { pullPageRows: 30 });
  try {
    const reader = await cloudReader(cloud.url, BIG_ADMIN.email, BIG_ADMIN.password);
    const whole = await reader.get<PullAnswer>('/v1/pull?cursor=0');
    const wholeRows = Object.values(whole.changes).reduce((n, r) => n + (r?.length ?? 0), 0);

    // What the status bar is told while the pages come, and what a view could read meanwhile.
    const seen: { progress: SyncProgress; usersVisible: number }[] = [];
    core.on('sync.status', (s) => {
      if (s.progress)
        seen.push({ progress: s.progress, usersVisible: core.sync.store.count('users') });
    });
    await core.signIn(BIG_ADMIN.email, BIG_ADMIN.password);

    assert.ok(seen.length >= 4, `${seen.length} progress updates`);
    for (const s of seen) {
      assert.equal(s.progress.total, wholeRows, 'the total is the whole answer');
      assert.ok(s.progress.applied <= s.progress.received);
      assert.equal(s.usersVisible, 0, 'no user is visible before the last page');
    }
    const applied = seen.map((s) => s.progress.applied);
    assert.deepEqual(
      applied,
      [...applied].sort((a, b) => a - b),
      'the rows written only grow',
    );
    assert.ok((applied.at(-1) ?? 0) < wholeRows, 'the last page is written with the commit');
    assert.equal(core.syncStatus().progress, undefined, 'no progress once synced');

    // The replica holds exactly the rows of the one-page answer, as the cloud sent them.
    assert.equal(core.sync.store.cursor(), whole.cursor);
    for (const [tbl, rows] of Object.entries(whole.changes) as [
      keyof PullAnswer['changes'],
      Record<string, unknown>[],
    ][]) {
      const mine = core.sync.store.baseRows(tbl);
      assert.equal(mine.size, rows.length, `${tbl} rows`);
      for (const row of rows) {
        const key = String(tbl === 'creditAccess' ? row.userId : row.id);
        assert.deepEqual(mine.get(key), row, `${tbl}/${key}`);
      }
    }

    // Later changes by another client come as pages of an incremental pull, applied together.
    const userIds = Array.from({ length: USERS }, (_, i) => `acc-${i}`);
    const changed = await reader.post<{ status: string }>('/v1/org/credit-access', {
      userIds,
      access: { mode: 'limit', limit: 7 },
    });
    assert.equal(changed.status, 'accepted');
    seen.length = 0;
    const status = await core.syncNow();
    assert.ok(seen.length > 0, 'the 40 changed rows came in pages of 30');
    assert.ok(seen.every((s) => s.progress.total === undefined && s.usersVisible === USERS));
    assert.equal(status.progress, undefined);
    const access = core.sync.store.baseRows('creditAccess');
    assert.equal(access.size, USERS);
    for (const row of access.values()) assert.equal(row.limit, 7);
  } finally {
    await core.close();
    cloud.child.kill('SIGTERM');
  }
});

test('pages written aside apply in order, deletions included, only with the last page', () => {
  const replica = Replica.open(tempDir('paged-store'));
  const store = new OrgStore(replica);
  const user = (id: string, name: string) => ({
    id,
    email: `${id}@example.test`,
    name,
    role: 'member' as const,
    joinedAt: resolveRelativeDate('-30d', Date.now()),
  });
  const answer = (over: Partial<PullAnswer>): PullAnswer => ({
    cursor: 0,
    reset: false,
    changes: {},
    deletes: {},
    lastMutationIds: {},
    ...over,
  });
  try {
    store.applyPull(
      answer({ cursor: 1, reset: true, changes: { users: [user('a', 'A'), user('b', 'B')] } }),
      'now',
    );
    // Three pages from cursor 1: b renamed, then a deleted and b renamed again, then c added.
    store.stagePage(answer({ cursor: 2, more: true, changes: { users: [user('b', 'B2')] } }), true);
    store.stagePage(
      answer({
        cursor: 3,
        more: true,
        changes: { users: [user('b', 'B3')] },
        deletes: { users: ['a'] },
      }),
      false,
    );
    assert.deepEqual([...store.baseRows('users').keys()].sort(), ['a', 'b'], 'nothing yet');
    assert.equal(store.row('users', 'b')?.name, 'B');
    assert.equal(store.cursor(), 1);
    const touched = store.applyPull(
      answer({ cursor: 4, changes: { users: [user('c', 'C')] } }),
      'now',
    );
    assert.deepEqual([...store.baseRows('users').keys()].sort(), ['b', 'c']);
    assert.equal(store.row('users', 'b')?.name, 'B3');
    assert.equal(store.cursor(), 4);
    assert.deepEqual(touched.event().users?.sort(), ['a', 'b', 'c']);
    // A pull that starts over forgets pages of one that never finished.
    store.stagePage(answer({ cursor: 5, more: true, deletes: { users: ['b'] } }), true);
    store.stagePage(answer({ cursor: 5, more: true, changes: { users: [user('d', 'D')] } }), true);
    store.applyPull(answer({ cursor: 6 }), 'now');
    assert.deepEqual([...store.baseRows('users').keys()].sort(), ['b', 'c', 'd']);
  } finally {
    replica.close();
  }
});
