// The organization room's bridge handlers, one per call of its calls file
// (src-shared/bridge/calls/org.ts): reads from the replica, changes through the outbox.
import type { BridgeHandlers } from '../../src-shared/bridge/contract.ts';
import type { orgCalls } from '../../src-shared/bridge/calls/org.ts';
import type { Core } from '../core/core.ts';

export type OrgCallName = keyof typeof orgCalls;

export function orgHandlers(core: Core): Pick<BridgeHandlers, OrgCallName> {
  return {
    'org.users': (q) => core.orgUsers(q, core.now()),
    'org.userIds': (q) => core.orgUserIds(q),
    'org.invitations': (q) => core.orgInvitations(q),
    'org.purchases': () => core.orgPurchases(),
    'org.invite': ({ invitations }) => core.org.invite(invitations),
    'org.removeUsers': ({ userIds }) => core.org.removeUsers(userIds),
    'org.assign': ({ userIds, purchaseId, quantity, fromUserId }) =>
      core.org.assign(userIds, purchaseId, quantity, fromUserId),
    'org.assignMany': ({ userIds, purchaseIds }) => core.org.assignMany(userIds, purchaseIds),
    'org.revoke': ({ userIds, productCode }) => core.org.revoke(userIds, productCode),
    'org.setCreditAccess': ({ userIds, access }) => core.org.setCreditAccess(userIds, access),
    'org.resendInvitation': ({ invitationId }) =>
      core.org.manageInvitation('resendInvitation', invitationId),
    'org.cancelInvitation': ({ invitationId }) =>
      core.org.manageInvitation('cancelInvitation', invitationId),
    'invitations.respond': ({ invitationId, answer }) => core.org.respond(invitationId, answer),
    'sync.dismissFailed': ({ ids }) => core.sync.dismissFailed(ids ?? null),
    'sync.retryFailed': ({ id }) => core.sync.retryFailed(id),
  };
}
