// Bridge calls of the Organization admin: reads from the replica, changes through the outbox.
import Type from 'typebox';
import { call, NoInput } from '../define.ts';
import type {
  OrgInvitationRow,
  OrgPurchaseRow,
  OrgUsersPage,
  QueuedChange,
} from '../../domain/org.ts';
import type { SyncStatus } from '../../domain/session.ts';
import { CreditAccessSchema, Email, MAX_BATCH, Role } from '../../org/mutations.ts';

const closed = { additionalProperties: false } as const;
const Id = Type.String({ minLength: 1, maxLength: 64 });
const Ids = Type.Array(Id, { minItems: 1, maxItems: MAX_BATCH });

export const OrgUsersInput = Type.Object(
  {
    /** Part of the email or name, case-insensitive. */
    search: Type.Optional(Type.String({ maxLength: 320 })),
    /** Only users holding this product. */
    productCode: Type.Optional(Type.String({ maxLength: 64 })),
    /** Only users with this credit access mode. */
    creditMode: Type.Optional(
      Type.Union([Type.Literal('disabled'), Type.Literal('limit'), Type.Literal('unlimited')]),
    ),
    role: Type.Optional(Role),
    /** Only these users: what a view refreshes after `data.changed` named them. */
    ids: Type.Optional(Ids),
    page: Type.Optional(Type.Integer({ minimum: 0 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_BATCH })),
  },
  closed,
);

/** The list's filter alone: every user it matches, as ids (select all, download). */
export const OrgUserIdsQuery = Type.Object(
  {
    search: OrgUsersInput.properties.search,
    productCode: OrgUsersInput.properties.productCode,
    creditMode: OrgUsersInput.properties.creditMode,
    role: OrgUsersInput.properties.role,
  },
  closed,
);

export const OrgInvitationsInput = Type.Object(
  {
    status: Type.Optional(
      Type.Union([
        Type.Literal('pending'),
        Type.Literal('accepted'),
        Type.Literal('declined'),
        Type.Literal('cancelled'),
      ]),
    ),
    /** Invitations addressed to the signed-in account instead of the organization's. */
    mine: Type.Optional(Type.Boolean()),
  },
  closed,
);

export const OrgInviteInput = Type.Object(
  {
    invitations: Type.Array(Type.Object({ email: Email, role: Role }, closed), {
      minItems: 1,
      maxItems: MAX_BATCH,
    }),
  },
  closed,
);
export const OrgUserIdsInput = Type.Object({ userIds: Ids }, closed);
export const OrgAssignInput = Type.Object(
  {
    userIds: Ids,
    purchaseId: Id,
    /** Seats per user (single user only; bulk assigns one each). */
    quantity: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
    /** Re-allocate from this user when every seat is taken (single user only). */
    fromUserId: Type.Optional(Id),
  },
  closed,
);
/**
 * Bulk assignment (docs/sources.md, Portal guide §XIV): one seat of every purchase to every user,
 * as one change.
 */
export const OrgAssignManyInput = Type.Object(
  { userIds: Ids, purchaseIds: Type.Array(Id, { minItems: 1, maxItems: 100 }) },
  closed,
);
export const OrgRevokeInput = Type.Object(
  { userIds: Ids, productCode: Type.String({ minLength: 1, maxLength: 64 }) },
  closed,
);
export const OrgCreditAccessInput = Type.Object(
  { userIds: Ids, access: CreditAccessSchema },
  closed,
);
export const InvitationIdInput = Type.Object({ invitationId: Id }, closed);
export const RespondInput = Type.Object(
  { invitationId: Id, answer: Type.Union([Type.Literal('accept'), Type.Literal('decline')]) },
  closed,
);
export const DismissFailedInput = Type.Object(
  { ids: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { maxItems: MAX_BATCH })) },
  closed,
);

export const RetryFailedInput = Type.Object({ id: Type.Integer({ minimum: 1 }) }, closed);

export const orgCalls = {
  'org.users': call<OrgUsersPage>()(
    OrgUsersInput,
    'Organization users from the replica (search, filter, page)',
  ),
  'org.userIds': call<{ ids: string[]; total: number }>()(
    OrgUserIdsQuery,
    'Every user the filter matches, as ids in the list order (select all, download)',
  ),
  'org.invitations': call<OrgInvitationRow[]>()(
    OrgInvitationsInput,
    'Invitations from the replica',
  ),
  'org.purchases': call<OrgPurchaseRow[]>()(
    NoInput,
    "The organization's purchases with seats assigned",
  ),
  'org.invite': call<QueuedChange>()(OrgInviteInput, 'Invite accounts (queued in the outbox)'),
  'org.removeUsers': call<QueuedChange>()(OrgUserIdsInput, 'Remove users (queued)'),
  'org.assign': call<QueuedChange>()(OrgAssignInput, 'Assign a purchase to users (queued)'),
  'org.assignMany': call<QueuedChange>()(
    OrgAssignManyInput,
    'Assign one seat of each purchase to each user, as one change (queued; per-item results)',
  ),
  'org.revoke': call<QueuedChange>()(OrgRevokeInput, 'Revoke a product from users (queued)'),
  'org.setCreditAccess': call<QueuedChange>()(
    OrgCreditAccessInput,
    "Set users' credit access (queued)",
  ),
  'org.resendInvitation': call<QueuedChange>()(
    InvitationIdInput,
    'Resend a pending invitation (queued)',
  ),
  'org.cancelInvitation': call<QueuedChange>()(
    InvitationIdInput,
    'Cancel a pending invitation (queued)',
  ),
  'invitations.respond': call<QueuedChange>()(
    RespondInput,
    'Accept or decline an invitation (queued)',
  ),
  'sync.dismissFailed': call<SyncStatus>()(
    DismissFailedInput,
    'Forget failed changes (all when no ids)',
  ),
  'sync.retryFailed': call<SyncStatus>()(
    RetryFailedInput,
    'Send a failed change again (queued); it leaves the failed changes',
  ),
};
