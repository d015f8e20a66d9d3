// The organization room's bridge handlers, one per call of its calls file
// (src-shared/bridge/calls/org.ts): reads from the replica, changes through the outbox.
import type { BridgeHandlers } from '../../src-shared/bridge/contract.ts';
import type { orgCalls } from '../../src-shared/bridge/calls/org.ts';
import type { QueuedChange } from '../../src-shared/domain/org.ts';
import type { Core } from '../core/core.ts';

export type OrgCallName = keyof typeof orgCalls;

/** Up to this many users, a change's answer carries their rows (one click: one row). */
const ROWS_WITH_ANSWER = 50;

export function orgHandlers(core: Core): Pick<BridgeHandlers, OrgCallName> {
  const withRows = (userIds: readonly string[], r: QueuedChange): QueuedChange =>
    userIds.length > ROWS_WITH_ANSWER
      ? r
      : {
          ...r,
          users: core.orgUsers({ ids: [...userIds], pageSize: ROWS_WITH_ANSWER }, core.now()).users,
        };
  return {
    'org.users': (q) => core.orgUsers(q, core.now()),
    'org.userIds': (q) => core.orgUserIds(q),
    'org.invitations': (q) => core.orgInvitations(q),
    'org.purchases': () => core.orgPurchases(),
    'org.invite': ({ invitations }) => core.org.invite(invitations),
    'org.removeUsers': ({ userIds }) => core.org.removeUsers(userIds),
    'org.assign': ({ userIds, purchaseId, quantity, fromUserId }) =>
      withRows(
        fromUserId ? [...userIds, fromUserId] : userIds,
        core.org.assign(userIds, purchaseId, quantity, fromUserId),
      ),
    'org.assignMany': ({ userIds, purchaseIds }) =>
      withRows(userIds, core.org.assignMany(userIds, purchaseIds)),
    'org.revoke': ({ userIds, productCode }) =>
      withRows(userIds, core.org.revoke(userIds, productCode)),
    'org.setCreditAccess': ({ userIds, access }) =>
      withRows(userIds, core.org.setCreditAccess(userIds, access)),
    'org.resendInvitation': ({ invitationId }) =>
      core.org.manageInvitation('resendInvitation', invitationId),
    'org.cancelInvitation': ({ invitationId }) =>
      core.org.manageInvitation('cancelInvitation', invitationId),
    'invitations.respond': ({ invitationId, answer }) => core.org.respond(invitationId, answer),
    'sync.dismissFailed': ({ ids }) => core.sync.dismissFailed(ids ?? null),
    'sync.retryFailed': ({ id }) => core.sync.retryFailed(id),
  };
}
