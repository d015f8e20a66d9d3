// The organization's mutations: their names and argument schemas, shared by the desktop outbox,
// the cloud's mutation endpoint (POST /v1/mutations) and its REST routes.
import Type from 'typebox';
import type { Static, TSchema } from 'typebox';

/** The most items one batch (CSV upload, bulk selection) may carry. */
export const MAX_BATCH = 10_000;

export const Id = Type.String({ minLength: 1, maxLength: 64 });
/**
 * Lenient on purpose: an address without an account is answered with the portal's message
 * (docs/sources.md, Portal guide §IV).
 */
export const Email = Type.String({ minLength: 3, maxLength: 320, pattern: '^[^\\s@]+@[^\\s@]+$' });
export const Role = Type.Union([Type.Literal('member'), Type.Literal('guest')]);
export const closed = { additionalProperties: false } as const;
export const batchOf = <T extends TSchema>(item: T) =>
  Type.Array(item, { minItems: 1, maxItems: MAX_BATCH });

export const CreditAccessSchema = Type.Union([
  Type.Object({ mode: Type.Literal('disabled') }, closed),
  Type.Object({ mode: Type.Literal('limit'), limit: Type.Number() }, closed),
  Type.Object({ mode: Type.Literal('unlimited') }, closed),
]);

export const Invitation = Type.Object({ email: Email, role: Role }, closed);
/**
 * Invite one account or many (docs/sources.md, Portal guide §IV, §V in bulk): each item answered on
 * its own.
 */
export const InviteArgs = Type.Object({ invitations: batchOf(Invitation) }, closed);
export const InvitationArgs = Type.Object({ invitationId: Id }, closed);
export const RemoveUsersArgs = Type.Object({ userIds: batchOf(Id) }, closed);
export const Quantity = Type.Integer({ minimum: 1, maximum: 100_000 });
/**
 * Assign (docs/sources.md, Portal guide §XII–XVI): every user gets one seat of every purchase.
 * `quantity` and `fromUserId` (re-allocating from another user, §XV) apply to one user and one
 * purchase only: the "Allocate product to user" dialog.
 */
export const AssignArgs = Type.Object(
  {
    userIds: batchOf(Id),
    purchaseIds: Type.Array(Id, { minItems: 1, maxItems: 100 }),
    quantity: Type.Optional(Quantity),
    fromUserId: Type.Optional(Id),
  },
  closed,
);
export const ProductCode = Type.String({ minLength: 1, maxLength: 64 });
/**
 * Revoke (docs/sources.md, Portal guide §XIX, §XX in bulk): every product from every user;
 * identical products on a user go together (a product, not a purchase).
 */
export const RevokeArgs = Type.Object(
  { userIds: batchOf(Id), productCodes: Type.Array(ProductCode, { minItems: 1, maxItems: 100 }) },
  closed,
);
/**
 * One user or many (docs/sources.md, Portal guide §XXV individually, §XXVI in bulk): the same
 * access for each.
 */
export const SetCreditAccessArgs = Type.Object(
  { userIds: batchOf(Id), access: CreditAccessSchema },
  closed,
);
export const RequestCreditsArgs = Type.Object(
  {
    amount: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 1_000_000_000 })),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  closed,
);
/** Said for an id that is not one of the caller's notifications: another account's stays private. */
export const NOTIFICATION_NOT_FOUND = 'The notification does not exist';

/** Marks the caller's own notifications read: the ones named, or every unread one. */
export const MarkNotificationsReadArgs = Type.Object(
  { ids: Type.Optional(Type.Array(Id, { minItems: 1, maxItems: MAX_BATCH })) },
  closed,
);

/** Every mutation by name, with the schema of its arguments. */
export const mutationArgs = {
  invite: InviteArgs,
  resendInvitation: InvitationArgs,
  cancelInvitation: InvitationArgs,
  acceptInvitation: InvitationArgs,
  declineInvitation: InvitationArgs,
  removeUsers: RemoveUsersArgs,
  assign: AssignArgs,
  revoke: RevokeArgs,
  setCreditAccess: SetCreditAccessArgs,
  requestCredits: RequestCreditsArgs,
  markNotificationsRead: MarkNotificationsReadArgs,
} as const;

export type MutationName = keyof typeof mutationArgs;
export type MutationArgs<N extends MutationName> = Static<(typeof mutationArgs)[N]>;
export const mutationNames = Object.keys(mutationArgs) as MutationName[];

/** The audit log's names of an intent, for one item and for many (see auditOperationOf). */
const auditPairs: Partial<Record<MutationName, readonly [one: string, many: string]>> = {
  invite: ['invite', 'inviteBatch'],
  assign: ['assignProduct', 'assignProducts'],
  revoke: ['revokeProduct', 'revokeProducts'],
};

/**
 * The name the audit log records a mutation under. The log tells one item from many, as it always
 * has (the Activity view words them "Revoked products" and "Revoked products (bulk)"), so its
 * names, filters and words did not change when the pairs of mutations became one.
 */
export function auditOperationOf<N extends MutationName>(name: N, args: MutationArgs<N>): string {
  const pair = auditPairs[name];
  if (!pair) return name;
  const a = args as { invitations?: unknown[]; userIds?: unknown[] } & Record<string, unknown>;
  const [second] = [a.purchaseIds, a.productCodes].filter(Array.isArray) as unknown[][];
  const one = a.invitations
    ? a.invitations.length === 1
    : a.userIds?.length === 1 && second?.length === 1;
  return one ? pair[0] : pair[1];
}

/** Every name the audit log records. */
export const auditedNames: readonly string[] = mutationNames.flatMap((n) => auditPairs[n] ?? [n]);

export function isMutationName(name: unknown): name is MutationName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(mutationArgs, name);
}

/** One mutation as the desktop's outbox sends it: ids increase per client. */
export const Mutation = Type.Object(
  {
    id: Type.Integer({ minimum: 1 }),
    name: Type.String({ minLength: 1, maxLength: 64 }),
    args: Type.Unknown(),
  },
  closed,
);

export const PushRequest = Type.Object(
  {
    clientId: Type.String({ minLength: 1, maxLength: 128 }),
    mutations: Type.Array(Mutation, { maxItems: MAX_BATCH }),
  },
  closed,
);
export type PushRequest = Static<typeof PushRequest>;

/** The outcome of one item of a batch mutation. */
export const ItemResult = Type.Object({
  /** The item, as src-shared/org/item-key.ts makes it: an invitee's email, a user id (and product/purchase). */
  key: Type.String(),
  email: Type.Optional(Type.String()),
  ok: Type.Boolean(),
  code: Type.Optional(Type.String()),
  message: Type.Optional(Type.String()),
  /** The row the item created, e.g. the invitation's id. */
  id: Type.Optional(Type.String()),
});
export type ItemResult = Static<typeof ItemResult>;

/**
 * A mutation's stored outcome. `rejected` means nothing changed; a batch with some items applied
 * is `accepted` and lists each item's result.
 */
export const MutationResult = Type.Object({
  id: Type.Integer(),
  status: Type.Union([Type.Literal('accepted'), Type.Literal('rejected')]),
  code: Type.Optional(Type.String()),
  message: Type.Optional(Type.String()),
  items: Type.Optional(Type.Array(ItemResult)),
  /** What the mutation created or answered, e.g. `{invitationId}`. */
  value: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
});
export type MutationResult = Static<typeof MutationResult>;

export const PushResponse = Type.Object({
  results: Type.Array(MutationResult),
  lastMutationId: Type.Integer(),
});
export type PushResponse = Static<typeof PushResponse>;
