// The pairs of mutations older desktops sent (one for a single user, one for a batch) read as the
// one mutation of their intent. A user who upgrades with changes still queued offline has them in
// the outbox under the old names; the cloud reads them here, at its door (POST /v1/mutations and
// the REST routes that keep the old bodies), so every later layer knows only the new names.
import Type from 'typebox';
import type { Static, TSchema } from 'typebox';
import { AppError } from '../errors.ts';
import { parse } from '../schema.ts';
import {
  batchOf,
  closed,
  Id,
  Invitation,
  InviteArgs,
  isMutationName,
  mutationArgs,
  ProductCode,
  Quantity,
  RevokeArgs,
  type MutationArgs,
  type MutationName,
  type MutationResult,
} from './mutations.ts';

export const legacyMutationArgs = {
  /** `invite` once took one invitation: `{email, role}` (today it takes `{invitations}`). */
  inviteOne: Invitation,
  inviteBatch: InviteArgs,
  assignProduct: Type.Object(
    { userId: Id, purchaseId: Id, quantity: Quantity, fromUserId: Type.Optional(Id) },
    closed,
  ),
  assignProducts: Type.Object(
    { userIds: batchOf(Id), purchaseIds: Type.Array(Id, { minItems: 1, maxItems: 100 }) },
    closed,
  ),
  revokeProduct: Type.Object({ userId: Id, productCode: ProductCode }, closed),
  revokeProducts: RevokeArgs,
} as const;

export type LegacyName = keyof typeof legacyMutationArgs;
/** A name a sender may use: today's, or an old one (old `invite` is today's name, another shape). */
export type SentName = MutationName | Exclude<LegacyName, 'inviteOne'>;
type LegacyArgs<L extends LegacyName> = Static<(typeof legacyMutationArgs)[L]>;

/** A mutation by the name it has today, with its arguments, and the old form it was sent in. */
export type Upgraded = {
  [N in MutationName]: { name: N; args: MutationArgs<N>; legacy?: LegacyName };
}[MutationName];

const upgrades: { [L in LegacyName]: (a: LegacyArgs<L>) => Upgraded } = {
  inviteOne: (a) => ({ name: 'invite', args: { invitations: [a] } }),
  inviteBatch: (a) => ({ name: 'invite', args: a }),
  assignProduct: (a) => ({
    name: 'assign',
    args: {
      userIds: [a.userId],
      purchaseIds: [a.purchaseId],
      quantity: a.quantity,
      ...(a.fromUserId ? { fromUserId: a.fromUserId } : {}),
    },
  }),
  assignProducts: (a) => ({ name: 'assign', args: a }),
  revokeProduct: (a) => ({
    name: 'revoke',
    args: { userIds: [a.userId], productCodes: [a.productCode] },
  }),
  revokeProducts: (a) => ({ name: 'revoke', args: a }),
};

/** The legacy form a sent (name, args) is in, or null when it is a mutation of today. */
function legacyOf(name: string, args: unknown): LegacyName | null {
  if (name === 'invite')
    return typeof args === 'object' && args !== null && 'email' in args ? 'inviteOne' : null;
  return isLegacyName(name) ? name : null;
}

/** An old name the cloud still reads (`inviteOne` is no name: old `invite` is known by shape). */
function isLegacyName(name: string): name is LegacyName {
  return name !== 'inviteOne' && Object.prototype.hasOwnProperty.call(upgrades, name);
}

/** The schema of a sent name's arguments (old `invite` aside: it is known by its shape). */
export function sentArgs(name: SentName): TSchema {
  return isMutationName(name) ? mutationArgs[name] : legacyMutationArgs[name];
}

/** A name the cloud accepts: today's or an old one. */
export function isKnownMutation(name: string): boolean {
  return isMutationName(name) || isLegacyName(name);
}

/** Runs a legacy form's conversion on arguments its schema already accepted. */
function upgradeLegacy<L extends LegacyName>(legacy: L, args: LegacyArgs<L>): Upgraded {
  return (upgrades[legacy] as (a: LegacyArgs<L>) => Upgraded)(args);
}

/**
 * Validates a sent mutation, old name or new, and answers it by today's name; bad input throws
 * a bad_request naming `label`, e.g. `args of mutation 2 (assignProduct)`.
 */
export function readMutation(name: string, args: unknown, label: string): Upgraded {
  const legacy = legacyOf(name, args);
  if (legacy)
    return {
      ...upgradeLegacy(legacy, parse(legacyMutationArgs[legacy], args, label) as never),
      legacy,
    };
  if (!isMutationName(name)) throw new Error(`not a mutation: ${name}`);
  const read = { name, args: parse(mutationArgs[name], args, label) } as Upgraded;
  if (read.name === 'assign') checkOneItemFields(read.args, label);
  return read;
}

/** `quantity` and `fromUserId` belong to "Allocate product to user": one user, one purchase. */
function checkOneItemFields(a: MutationArgs<'assign'>, label: string): void {
  const many = a.userIds.length > 1 || a.purchaseIds.length > 1;
  if (many && (a.quantity !== undefined || a.fromUserId !== undefined))
    throw new AppError(
      'bad_request',
      `Invalid ${label}: quantity and fromUserId apply to one user and one purchase only`,
    );
}

/** What an old single form answered beside its status: the row it made. */
const singleValue: Partial<Record<LegacyName, string>> = {
  inviteOne: 'invitationId',
  assignProduct: 'assignmentId',
  revokeProduct: '',
};

/**
 * The answer in the shape its sender expects: an old single form (one user, one invitation) was
 * answered without per-item results, and with only the id of what it made.
 */
export function answerAs<R extends MutationResult>(legacy: LegacyName | undefined, result: R): R {
  const field = legacy === undefined ? undefined : singleValue[legacy];
  if (field === undefined) return result;
  const { items: _items, value, ...rest } = result;
  void _items;
  const made = field && value?.[field] !== undefined ? { [field]: value[field] } : null;
  if (result.status === 'rejected') return rest as R;
  return { ...rest, ...(made ? { value: made } : {}) } as R;
}
