// Every organization operation by mutation name: one implementation behind REST and /v1/mutations.
import type { MutationArgs, MutationName } from '../../../src-shared/org/mutations.ts';
import { acceptInvitation, declineInvitation } from './answer.ts';
import { assign } from './assign.ts';
import { requestCredits, setCreditAccess } from './credits.ts';
import { cancelInvitation, invite, resendInvitation } from './invite.ts';
import { markNotificationsRead } from './notifications.ts';
import { removeUsers } from './remove.ts';
import { revoke } from './revoke.ts';
import type { Operation } from './types.ts';

export const operations: { [N in MutationName]: Operation<MutationArgs<N>> } = {
  invite,
  resendInvitation,
  cancelInvitation,
  acceptInvitation,
  declineInvitation,
  removeUsers,
  assign,
  revoke,
  setCreditAccess,
  requestCredits,
  markNotificationsRead,
};
