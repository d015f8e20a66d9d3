// Issue 17: `data.changed` names what a change touched, so views read those rows alone — a
// revoke names its user when queued and again when the pull confirms it; the list answers the
// rows of given users (`org.users` with `ids`) with the change laid over them.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { DataChanged } from '../../src-shared/bridge/contract.ts';
import { revokedRow } from '../../src-shared/org/rules/revoke.ts';
import { eventually } from '../support/wait.ts';
import {
  ADMIN,
  bridge,
  openSyncCore,
  removeTempDirs,
  startCloud,
  tempDir,
  userByEmail,
} from './helpers.ts';

after(removeTempDirs);

test('a revoke names its user in data.changed, queued and confirmed; org.users reads that row', async () => {
  const cloud = await startCloud(tempDir('cloud'));
  const core = await openSyncCore(tempDir('core'), cloud.url);
  try {
    await core.signIn(ADMIN.email, ADMIN.password);
    const marco = await userByEmail(core, 'marco.rossi@northwind.example');
    assert.ok(marco.products.some((p) => p.productCode === 'enscape'));
    const seen: DataChanged[] = [];
    const off = core.on('data.changed', (e) => seen.push(e));
    const answer = await bridge(core, 'org.revoke', {
      userIds: [marco.id],
      productCode: 'enscape',
    });
    // The answer carries his optimistic row: the screen paints it without asking again.
    assert.deepEqual(
      answer.users?.map((u) => [
        u.id,
        u.pending,
        u.products.some((p) => p.productCode === 'enscape'),
      ]),
      [[marco.id, true, false]],
    );
    // The screen paints that row in the click's task from the shared rule: the same row.
    assert.deepEqual(answer.users?.[0], revokedRow(marco, 'enscape'));
    // Queued: the outbox and the assignments, of Marco alone.
    const queued = seen[0];
    assert.ok(queued, 'the queued change is announced');
    assert.deepEqual(queued.users, [marco.id]);
    assert.ok(queued.tables.includes('org.outbox') && queued.tables.includes('org.assignments'));
    // His row alone, pending and without the product.
    const rows = await bridge(core, 'org.users', { ids: [marco.id] });
    assert.equal(rows.users.length, 1);
    assert.equal(rows.users[0]?.pending, true);
    assert.ok(!rows.users[0]?.products.some((p) => p.productCode === 'enscape'));
    // The pull that confirms it names him again, and his row is no longer pending.
    await eventually('the pull confirming the revoke', () =>
      seen
        .slice(1)
        .some((e) => e.tables.includes('org.assignments') && e.users?.includes(marco.id)),
    );
    await core.sync.idle();
    const confirmed = await bridge(core, 'org.users', { ids: [marco.id] });
    assert.equal(confirmed.users[0]?.pending, false);
    assert.ok(!confirmed.users[0]?.products.some((p) => p.productCode === 'enscape'));
    // No change announced for this revoke named any other user.
    assert.ok(seen.every((e) => e.users === undefined || e.users.every((id) => id === marco.id)));
    off();
  } finally {
    await core.close();
    await cloud.close();
  }
});
