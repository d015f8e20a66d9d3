// Which notifications the desktop shows natively and where a click on one leads
// (src-main/electron/notices.ts): invitations, assignments, borrow reminders; each once; never
// what the account already had, nor what is read, old, or of another kind.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { NotificationView } from '../../src-shared/domain/me.ts';
import { systemClock } from '../../src-shared/clock.ts';
import { resolveRelativeDate } from '../../src-shared/relative-date.ts';
import {
  decideNotices,
  desktopNotice,
  mayBringNotices,
  MAX_AT_ONCE,
} from '../../src-main/electron/notices.ts';

const NOW = systemClock();
const at = (rel: string) => resolveRelativeDate(rel, NOW);

const INVITED = 'admin@northwind.example has invited you to join their organization as Member.';
const ASSIGNED =
  'The administrator of Northwind Visualization has assigned 1 × V-Ray for Maya license to you.';

function notice(id: string, over: Partial<NotificationView> = {}): NotificationView {
  return {
    id,
    kind: 'product_assigned',
    text: ASSIGNED,
    createdAt: at('-5m'),
    read: false,
    pending: false,
    action: null,
    ...over,
  };
}
const invitation = (id: string, invitationId: string | null) =>
  notice(id, {
    kind: 'invitation_sent',
    text: INVITED,
    action: { kind: 'invitation', invitationId },
  });

test('invitations open their prompt, assignments Products, borrow reminders Licensing', () => {
  assert.deepEqual(desktopNotice(invitation('ntf_1', 'inv_3f9c')), {
    id: 'ntf_1',
    title: 'Invitation',
    body: INVITED,
    route: '#/products/invitation/inv_3f9c',
  });
  assert.equal(desktopNotice(invitation('ntf_2', null))?.route, '#/products/invitation');
  assert.deepEqual(desktopNotice(notice('ntf_3')), {
    id: 'ntf_3',
    title: 'License assigned',
    body: ASSIGNED,
    route: '#/products',
  });
  const borrow = desktopNotice(notice('ntf_4', { kind: 'borrow_expiring', text: 'x' }));
  assert.equal(borrow?.title, 'Borrowed license expiring');
  assert.equal(borrow?.route, '#/licensing');
  for (const kind of [
    'invitation_accepted',
    'invitations_status',
    'product_revoked',
    'credit_access_changed',
    'credits_requested',
    'user_removed',
  ])
    assert.equal(desktopNotice(notice('n', { kind })), null, kind);
  // A cancelled invitation carries no prompt to open.
  const cancelled = notice('n', {
    kind: 'invitation_cancelled',
    action: { kind: 'invitation', invitationId: null },
  });
  assert.equal(desktopNotice(cancelled), null);
});

test('what an account already has is remembered, not shown; a new notice is shown once', () => {
  const first = decideNotices(null, [notice('ntf_old'), invitation('ntf_inv', 'inv_1')], NOW);
  assert.deepEqual(first.show, []);
  assert.deepEqual([...first.seen].sort(), ['ntf_inv', 'ntf_old']);

  const items = [notice('ntf_new'), notice('ntf_old'), invitation('ntf_inv', 'inv_1')];
  const second = decideNotices(first.seen, items, NOW);
  assert.deepEqual(
    second.show.map((n) => n.id),
    ['ntf_new'],
  );
  assert.deepEqual(decideNotices(second.seen, items, NOW).show, []);
});

test('read, pending, old and malformed notices stay in the bell only', () => {
  const items = [
    notice('read', { read: true }),
    notice('pending', { pending: true }),
    notice('old', { createdAt: at('-2d') }),
    notice('bad', { createdAt: 'yesterday' }),
    notice('other', { kind: 'credits_requested' }),
  ];
  assert.deepEqual(decideNotices(new Set(), items, NOW).show, []);
  assert.equal(
    decideNotices(new Set(), [notice('recent', { createdAt: at('-23h') })], NOW).show.length,
    1,
  );
});

test('a burst shows the newest few', () => {
  const burst = Array.from({ length: 10 }, (_, i) => notice(`ntf_${i}`));
  const decision = decideNotices(new Set(), burst, NOW);
  assert.equal(decision.show.length, MAX_AT_ONCE);
  assert.deepEqual(
    decision.show.map((n) => n.id),
    ['ntf_0', 'ntf_1', 'ntf_2'],
  );
  assert.equal(decision.seen.size, 10, 'the rest are not shown later either');
});

test('only a change of the replica’s notifications asks for the list again', () => {
  assert.equal(mayBringNotices({ tables: ['org.users', 'org.notifications'] }), true);
  assert.equal(mayBringNotices({ tables: ['org.outbox'] }), false);
  assert.equal(mayBringNotices(null), false);
  assert.equal(mayBringNotices({ tables: 'org.notifications' }), false);
});
