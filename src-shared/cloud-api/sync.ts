// The change feed (pull since a cursor) and mutation push of the cloud API: rows the desktop's
// replica holds, and the answers of GET /v1/pull and POST /v1/mutations.
import Type from 'typebox';
import type { Static } from 'typebox';
import { PushRequest, PushResponse } from '../org/mutations.ts';

export { PushRequest, PushResponse };

const Time = Type.String({ description: 'ISO-8601 UTC' });
const MaybeTime = Type.Union([Time, Type.Null()]);
const Role = Type.Union([Type.Literal('member'), Type.Literal('guest')]);

export const OrganizationRow = Type.Object({
  id: Type.String(),
  name: Type.String(),
  administratorId: Type.String(),
  administratorName: Type.String(),
  administratorEmail: Type.String(),
  customerNumber: Type.String(),
  confirmed: Type.Boolean(),
});
/** A Member or Guest of the organization; the key is the account id. */
export const UserRow = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  role: Role,
  joinedAt: Time,
});
export const InvitationRow = Type.Object({
  id: Type.String(),
  organizationId: Type.String(),
  organizationName: Type.String(),
  /** The administrator's email, as the invitation mail names it. */
  invitedBy: Type.String(),
  email: Type.String(),
  role: Role,
  status: Type.Union([
    Type.Literal('pending'),
    Type.Literal('accepted'),
    Type.Literal('declined'),
    Type.Literal('cancelled'),
  ]),
  createdAt: Time,
  updatedAt: Time,
});
export const AssignmentRow = Type.Object({
  id: Type.String(),
  purchaseId: Type.String(),
  userId: Type.String(),
  productCode: Type.String(),
  term: Type.String(),
  expiresAt: MaybeTime,
  quantity: Type.Integer(),
  assignedAt: Time,
});
/** A purchase of the account (for an administrator: the organization's seats). */
export const PurchaseRow = Type.Object({
  id: Type.String(),
  ownerId: Type.String(),
  productCode: Type.String(),
  term: Type.String(),
  quantity: Type.Integer(),
  purchasedAt: Time,
  expiresAt: MaybeTime,
});
/** Organizational credit access of a user; the key is the user's account id. */
export const CreditAccessRow = Type.Object({
  userId: Type.String(),
  mode: Type.Union([Type.Literal('disabled'), Type.Literal('limit'), Type.Literal('unlimited')]),
  /** Credits, three decimals; null unless mode is `limit`. */
  limit: Type.Union([Type.Number(), Type.Null()]),
  used: Type.Number(),
  updatedAt: Time,
});
export const BorrowRow = Type.Object({
  id: Type.String(),
  userId: Type.String(),
  purchaseId: Type.String(),
  productCode: Type.String(),
  quantity: Type.Integer(),
  borrowedAt: Time,
  until: Time,
  returnedAt: MaybeTime,
});
export const NotificationRow = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  text: Type.String(),
  /** A link the app opens, e.g. clm://invite/<id> for an invitation. */
  link: Type.Union([Type.String(), Type.Null()]),
  createdAt: Time,
  readAt: MaybeTime,
});
export const CreditLotRow = Type.Object({
  id: Type.String(),
  ownerId: Type.String(),
  amount: Type.Number(),
  remaining: Type.Number(),
  purchasedAt: Time,
  expiresAt: MaybeTime,
});
/** One movement of a lot (docs/credits.md): positive for purchase and refund, negative otherwise. */
export const CreditLedgerRow = Type.Object({
  id: Type.String(),
  ownerId: Type.String(),
  lotId: Type.String(),
  kind: Type.Union([
    Type.Literal('purchase'),
    Type.Literal('charge'),
    Type.Literal('refund'),
    Type.Literal('expiry'),
  ]),
  amount: Type.Number(),
  userId: Type.Union([Type.String(), Type.Null()]),
  userEmail: Type.Union([Type.String(), Type.Null()]),
  jobId: Type.Union([Type.String(), Type.Null()]),
  at: Time,
});
/** A job of the simulated render farm; its progress is read from the clock between the two times. */
export const RenderJobRow = Type.Object({
  id: Type.String(),
  userId: Type.String(),
  userEmail: Type.String(),
  ownerId: Type.String(),
  source: Type.Union([Type.Literal('organization'), Type.Literal('personal')]),
  scene: Type.String(),
  sizeBytes: Type.Integer(),
  frames: Type.Integer(),
  estimate: Type.Number(),
  cost: Type.Union([Type.Number(), Type.Null()]),
  status: Type.Union([Type.Literal('rendering'), Type.Literal('done'), Type.Literal('cancelled')]),
  submittedAt: Time,
  endsAt: Time,
  endedAt: MaybeTime,
});

/** Every table of the feed with the field that keys its rows (what `deletes` lists). */
export const feedTables = {
  organization: 'id',
  users: 'id',
  invitations: 'id',
  assignments: 'id',
  purchases: 'id',
  creditAccess: 'userId',
  borrows: 'id',
  notifications: 'id',
  creditLots: 'id',
  creditLedger: 'id',
  renderJobs: 'id',
} as const;
export type FeedTable = keyof typeof feedTables;

export const FeedChanges = Type.Object({
  organization: Type.Optional(Type.Array(OrganizationRow)),
  users: Type.Optional(Type.Array(UserRow)),
  invitations: Type.Optional(Type.Array(InvitationRow)),
  assignments: Type.Optional(Type.Array(AssignmentRow)),
  purchases: Type.Optional(Type.Array(PurchaseRow)),
  creditAccess: Type.Optional(Type.Array(CreditAccessRow)),
  borrows: Type.Optional(Type.Array(BorrowRow)),
  notifications: Type.Optional(Type.Array(NotificationRow)),
  creditLots: Type.Optional(Type.Array(CreditLotRow)),
  creditLedger: Type.Optional(Type.Array(CreditLedgerRow)),
  renderJobs: Type.Optional(Type.Array(RenderJobRow)),
});

export const PullQuery = Type.Object(
  {
    cursor: Type.Integer({ minimum: 0, description: '0 for everything' }),
    limit: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 100_000,
        description: 'At most about this many rows per answer; `more: true` asks for the next page',
      }),
    ),
  },
  { additionalProperties: false },
);
export type PullQuery = Static<typeof PullQuery>;

/**
 * `reset: true` means `changes` is the whole state visible to the account: drop every replica
 * row first (a first pull, a cursor from before a compaction, or a change of role). Otherwise
 * apply `deletes` (keys per table), then upsert `changes`; a key is never in both.
 */
export const PullAnswer = Type.Object({
  cursor: Type.Integer(),
  reset: Type.Boolean(),
  changes: FeedChanges,
  deletes: Type.Record(Type.String(), Type.Array(Type.String())),
  /** The last mutation id the cloud applied for each of this account's clients. */
  lastMutationIds: Type.Record(Type.String(), Type.Integer()),
  /**
   * A page of a longer answer (asked with `limit`): pull again from `cursor` for the rest. The
   * pages up to the one without `more` are one answer: a client shows none of them before all.
   */
  more: Type.Optional(Type.Boolean()),
  /** On a paged reset: how many rows the whole answer holds. */
  total: Type.Optional(Type.Integer()),
});
export type PullAnswer = Static<typeof PullAnswer>;
export type OrganizationRow = Static<typeof OrganizationRow>;
export type UserRow = Static<typeof UserRow>;
export type InvitationRow = Static<typeof InvitationRow>;
export type AssignmentRow = Static<typeof AssignmentRow>;
export type PurchaseRow = Static<typeof PurchaseRow>;
export type CreditAccessRow = Static<typeof CreditAccessRow>;
export type BorrowRow = Static<typeof BorrowRow>;
export type NotificationRow = Static<typeof NotificationRow>;
export type CreditLotRow = Static<typeof CreditLotRow>;
export type CreditLedgerRow = Static<typeof CreditLedgerRow>;
export type RenderJobRow = Static<typeof RenderJobRow>;
