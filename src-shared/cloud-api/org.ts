// The organization's cloud routes (Self-Service Portal, mutation push, change feed): paths,
// bodies, query strings and answers, shared by the cloud server and the desktop's client.
import Type from 'typebox';
import type { Static, TSchema } from 'typebox';
import { legacyMutationArgs, sentArgs, type SentName } from '../org/legacy-mutations.ts';
import * as M from '../org/mutations.ts';
import { PullAnswer, PullQuery, InvitationRow } from './sync.ts';

export interface OrgRouteSpec {
  method: 'GET' | 'POST';
  path: string;
  summary: string;
  body?: TSchema;
  query?: TSchema;
  response: TSchema;
  /**
   * The mutation the route runs, when it is one, by the name a push would send it under (the same
   * door and implementation as /v1/mutations; old names are read as today's there).
   */
  mutation?: SentName;
}

/** What an operation route answers: accepted, with per-item results for a batch. */
export const OperationAnswer = Type.Object({
  status: Type.Union([Type.Literal('accepted'), Type.Literal('rejected')]),
  code: Type.Optional(Type.String()),
  message: Type.Optional(Type.String()),
  items: Type.Optional(Type.Array(M.ItemResult)),
  value: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
});
export type OperationAnswer = Static<typeof OperationAnswer>;

const CreditAccessView = Type.Object({
  mode: Type.Union([Type.Literal('disabled'), Type.Literal('limit'), Type.Literal('unlimited')]),
  limit: Type.Union([Type.Number(), Type.Null()]),
  used: Type.Number(),
  /**
   * What the user can spend now: the quota capped by the pool (docs/sources.md, Portal guide §I).
   */
  available: Type.Number(),
  /** The list's "available / limit" text, e.g. `20 / 20`, `Disabled`, `Unlimited`. */
  label: Type.String(),
});

export const OrgUserView = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  role: Type.Union([Type.Literal('member'), Type.Literal('guest')]),
  joinedAt: Type.String(),
  products: Type.Array(
    Type.Object({
      productCode: Type.String(),
      productName: Type.String(),
      purchaseId: Type.String(),
      quantity: Type.Integer(),
      borrowed: Type.Integer(),
    }),
  ),
  creditAccess: CreditAccessView,
});
export type OrgUserView = Static<typeof OrgUserView>;

export const OrgUsersAnswer = Type.Object({
  organization: Type.Object({ id: Type.String(), name: Type.String() }),
  /** The organizational credit pool's balance (credits, three decimals). */
  poolBalance: Type.Number(),
  users: Type.Array(OrgUserView),
});

export const InvitationsQuery = Type.Object(
  {
    status: Type.Optional(
      Type.Union([
        Type.Literal('pending'),
        Type.Literal('accepted'),
        Type.Literal('declined'),
        Type.Literal('cancelled'),
      ]),
    ),
  },
  { additionalProperties: false },
);

/** Every operation the audit log records: the mutations (one item or many), and the vendor's organization setup. */
export const auditOperations: readonly string[] = [...M.auditedNames, 'confirmOrganization'];
export type AuditOperation = string;

export const AuditQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
    before: Type.Optional(Type.Integer({ minimum: 1 })),
    /** An email or part of one, case-insensitive: entries whose actor or target matches. */
    user: Type.Optional(Type.String({ minLength: 1, maxLength: 320, pattern: '^\\S+$' })),
    operation: Type.Optional(Type.Enum(auditOperations)),
  },
  { additionalProperties: false },
);
export type AuditQuery = Static<typeof AuditQuery>;
export const AuditEntry = Type.Object({
  id: Type.Integer(),
  at: Type.String(),
  actorId: Type.String(),
  actorEmail: Type.String(),
  operation: Type.String(),
  target: Type.String(),
  /** The accounts the operation concerned, by email: the first few, and how many in all. */
  targetEmails: Type.Array(Type.String()),
  targetCount: Type.Integer({ minimum: 0 }),
  outcome: Type.Union([
    Type.Literal('accepted'),
    Type.Literal('rejected'),
    Type.Literal('partial'),
  ]),
  code: Type.Union([Type.String(), Type.Null()]),
  reason: Type.Union([Type.String(), Type.Null()]),
  via: Type.Union([Type.Literal('rest'), Type.Literal('mutation'), Type.Literal('cli')]),
});
export type AuditEntry = Static<typeof AuditEntry>;

export const OrgRequestBody = Type.Object(
  { name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) },
  { additionalProperties: false },
);
export const OrgRequestAnswer = Type.Object({
  organizationId: Type.String(),
  state: Type.Union([Type.Literal('confirmed'), Type.Literal('requested')]),
  message: Type.String(),
});

function route<const R extends OrgRouteSpec>(r: R): R {
  return r;
}
const op = <const N extends SentName>(path: string, mutation: N, summary: string) =>
  route({
    method: 'POST',
    path,
    summary,
    // The routes keep their bodies: one invitation, one user's product, or a batch.
    body: mutation === 'invite' ? legacyMutationArgs.inviteOne : sentArgs(mutation),
    response: OperationAnswer,
    mutation,
  });

export const orgRoutes = {
  requestOrganization: route({
    method: 'POST',
    path: '/v1/org/request',
    summary:
      'Ask for an organization (docs/sources.md, Portal guide §II); an account with an active commercial license is one already',
    body: OrgRequestBody,
    response: OrgRequestAnswer,
  }),
  invite: op('/v1/org/invitations', 'invite', 'Invite a registered account as Member or Guest'),
  inviteBatch: op(
    '/v1/org/invitations/batch',
    'inviteBatch',
    'Invite up to 10,000 accounts; per-item results',
  ),
  resendInvitation: op(
    '/v1/org/invitations/resend',
    'resendInvitation',
    'Send a pending invitation again',
  ),
  cancelInvitation: op(
    '/v1/org/invitations/cancel',
    'cancelInvitation',
    'Cancel a pending invitation',
  ),
  listInvitations: route({
    method: 'GET',
    path: '/v1/org/invitations',
    summary: "The organization's invitations, newest first",
    query: InvitationsQuery,
    response: Type.Array(InvitationRow),
  }),
  listUsers: route({
    method: 'GET',
    path: '/v1/org/users',
    summary: "The organization's Members and Guests with their products and credit access",
    response: OrgUsersAnswer,
  }),
  removeUsers: op(
    '/v1/org/users/remove',
    'removeUsers',
    'Remove users; those with assigned or borrowed products fail with the reason',
  ),
  assignProduct: op(
    '/v1/org/assignments',
    'assignProduct',
    'Allocate seats of a purchase to a user, re-allocating from another user when all are taken',
  ),
  assignProducts: op(
    '/v1/org/assignments/batch',
    'assignProducts',
    'Assign one seat of each purchase to each user; per-item results',
  ),
  revokeProduct: op(
    '/v1/org/revocations',
    'revokeProduct',
    'Revoke a product from a user (identical products go together)',
  ),
  revokeProducts: op(
    '/v1/org/revocations/batch',
    'revokeProducts',
    'Revoke products from users; per-item results',
  ),
  setCreditAccess: op(
    '/v1/org/credit-access',
    'setCreditAccess',
    "Set users' organizational cloud-credit access: disabled, a limit, or unlimited",
  ),
  audit: route({
    method: 'GET',
    path: '/v1/org/audit',
    summary: "The organization's audit log, newest first",
    query: AuditQuery,
    response: Type.Array(AuditEntry),
  }),
  myInvitations: route({
    method: 'GET',
    path: '/v1/invitations',
    summary: 'Pending invitations addressed to the signed-in account',
    response: Type.Array(InvitationRow),
  }),
  acceptInvitation: op(
    '/v1/invitations/accept',
    'acceptInvitation',
    'Accept an invitation addressed to you',
  ),
  declineInvitation: op(
    '/v1/invitations/decline',
    'declineInvitation',
    'Decline an invitation addressed to you',
  ),
  requestCredits: op(
    '/v1/credits/request',
    'requestCredits',
    'Ask the organization administrator for more cloud credits',
  ),
  markNotificationsRead: op(
    '/v1/notifications/read',
    'markNotificationsRead',
    "Mark the caller's notifications read: the ids given, or every unread one",
  ),
  push: route({
    method: 'POST',
    path: '/v1/mutations',
    summary:
      'Push mutations (Replicache-style): each applied once, in order; a repeated id answers its stored outcome',
    body: M.PushRequest,
    response: M.PushResponse,
  }),
  pull: route({
    method: 'GET',
    path: '/v1/pull',
    summary:
      'Rows changed since a cursor, deletions, and the last mutation id per client; reset:true means full state',
    query: PullQuery,
    response: PullAnswer,
  }),
} as const;

export type OrgRouteName = keyof typeof orgRoutes;
type Routes = typeof orgRoutes;
export type OrgAnswer<N extends OrgRouteName> = Static<Routes[N]['response']>;
export type OrgBody<N extends OrgRouteName> = Routes[N] extends { body: infer B extends TSchema }
  ? Static<B>
  : undefined;
