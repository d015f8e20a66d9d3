// Issue 6 (results): the cloud's per-item answers to queued changes reach org.changeResult — an
// accepted batch with the items the cloud refused, a change rejected whole, pending while queued,
// and the answers kept across a restart of the core on the same data folder.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { Core } from '../../src-main/core/core.ts';
import {
  NOT_ELIGIBLE_AS_MEMBER,
  REMOVAL_ASSIGNED,
  userDoesNotExist,
} from '../../src-shared/org/messages.ts';
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

/** Pushes what is queued and waits for the answers: nothing pending afterwards. */
async function flush(core: Core): Promise<void> {
  const status = await bridge(core, 'sync.now', {});
  assert.equal(status.pending, 0, 'the outbox is drained');
}

test('a bulk invite the cloud partly refuses answers accepted with exactly the refused addresses', async () => {
  const cloud = await startCloud(tempDir('cloud'));
  const core = await openSyncCore(tempDir('core'), cloud.url);
  try {
    await core.signIn(ADMIN.email, ADMIN.password);
    // Grace has a pending guest invitation; cancelled, she can be invited again (and is refused
    // as a member by the cloud: she has personal purchases, which the desktop cannot know).
    await bridge(core, 'org.cancelInvitation', { invitationId: 'inv_grace_guest' });
    await flush(core);

    const queued = await bridge(core, 'org.invite', {
      invitations: [
        { email: 'nadia.haddad@example.com', role: 'member' },
        { email: 'nobody@example.com', role: 'member' },
        { email: 'grace.miller@brightline.example', role: 'member' },
      ],
    });
    assert.deepEqual(queued.failed, [], 'the pre-check cannot know these refusals');
    await flush(core);

    const result = await bridge(core, 'org.changeResult', { mutationId: queued.mutationId });
    assert.equal(result.state, 'accepted');
    assert.deepEqual(result.failed, [
      {
        key: 'nobody@example.com',
        email: 'nobody@example.com',
        code: 'user_not_found',
        message: userDoesNotExist('nobody@example.com'),
      },
      {
        key: 'grace.miller@brightline.example',
        email: 'grace.miller@brightline.example',
        code: 'not_eligible_as_member',
        message: NOT_ELIGIBLE_AS_MEMBER,
      },
    ]);
    const pending = await bridge(core, 'org.invitations', { status: 'pending' });
    assert.ok(pending.some((i) => i.email === 'nadia.haddad@example.com' && !i.pending));
    assert.ok(!pending.some((i) => i.email === 'nobody@example.com'));

    // An id nobody knows, and bad input.
    const unknown = await bridgeEnvelope(core, 'org.changeResult', { mutationId: 9999 });
    assert.equal(!unknown.ok && unknown.error.code, 'not_found');
    const bad = await bridgeEnvelope(core, 'org.changeResult', { mutationId: 'x' });
    assert.equal(!bad.ok && bad.error.code, 'bad_request');
  } finally {
    await core.close();
    await cloud.close();
  }
});

test('pending while queued offline, then rejected whole or partly; the answers survive a restart', async () => {
  const cloudDir = tempDir('cloud');
  let cloud = await startCloud(cloudDir);
  const port = cloud.port;
  const coreDir = tempDir('core');
  // A long backoff: the core reconnects only when asked, so the cloud can change first.
  const opts = { reconnect: { minMs: 600_000, maxMs: 600_000 } };
  let core = await openSyncCore(coreDir, cloud.url, opts);
  try {
    await core.signIn(ADMIN.email, ADMIN.password);
    const chen = await userByEmail(core, 'chen.wei@lumen-render.example');
    const olivia = await userByEmail(core, 'olivia.brown@freelance.example');
    // Olivia's only product is revoked so that both guests can be removed.
    await bridge(core, 'org.revoke', { userIds: [olivia.id], productCode: 'corona-3dsmax' });
    await flush(core);

    await cloud.close();
    await core.syncNow();
    assert.equal(core.syncStatus().online, false);

    const invite = await bridge(core, 'org.invite', {
      invitations: [
        { email: 'nobody1@example.com', role: 'member' },
        { email: 'nobody2@example.com', role: 'guest' },
      ],
    });
    const removal = await bridge(core, 'org.removeUsers', { userIds: [chen.id, olivia.id] });
    assert.deepEqual(removal.failed, []);
    for (const id of [invite.mutationId, removal.mutationId]) {
      const r = await bridge(core, 'org.changeResult', { mutationId: id });
      assert.deepEqual(r, { mutationId: id, state: 'pending', failed: [] });
    }

    // Meanwhile, on the cloud (reached on another port, so the core does not see it), Chen got
    // a product: the cloud refuses his removal, and removes Olivia.
    cloud = await startCloud(cloudDir);
    const reader = await cloudReader(cloud.url, ADMIN.email, ADMIN.password);
    const assigned = await reader.post<{ status: string }>('/v1/org/assignments', {
      userId: chen.id,
      purchaseId: 'pur_nw_rendernode',
      quantity: 1,
    });
    assert.equal(assigned.status, 'accepted');
    await cloud.close();
    cloud = await startCloud(cloudDir, port);
    await flush(core);

    const expectInvite = {
      mutationId: invite.mutationId,
      state: 'rejected',
      code: 'user_not_found',
      message: userDoesNotExist('nobody1@example.com'),
      failed: [
        {
          key: 'nobody1@example.com',
          email: 'nobody1@example.com',
          code: 'user_not_found',
          message: userDoesNotExist('nobody1@example.com'),
        },
        {
          key: 'nobody2@example.com',
          email: 'nobody2@example.com',
          code: 'user_not_found',
          message: userDoesNotExist('nobody2@example.com'),
        },
      ],
    };
    const expectRemoval = {
      mutationId: removal.mutationId,
      state: 'accepted',
      failed: [
        { key: chen.id, email: chen.email, code: 'assigned_products', message: REMOVAL_ASSIGNED },
      ],
    };
    assert.deepEqual(
      await bridge(core, 'org.changeResult', { mutationId: invite.mutationId }),
      expectInvite,
    );
    assert.deepEqual(
      await bridge(core, 'org.changeResult', { mutationId: removal.mutationId }),
      expectRemoval,
    );
    // Dismissing the failed change from the status bar does not forget its answer.
    await bridge(core, 'sync.dismissFailed', {});

    // The core restarts on the same data folder: the answers are still there.
    await core.close();
    core = await openSyncCore(coreDir, cloud.url, opts);
    assert.deepEqual(
      await bridge(core, 'org.changeResult', { mutationId: invite.mutationId }),
      expectInvite,
    );
    assert.deepEqual(
      await bridge(core, 'org.changeResult', { mutationId: removal.mutationId }),
      expectRemoval,
    );
  } finally {
    await core.close();
    await cloud.close();
  }
});
