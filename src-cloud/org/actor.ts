// Who is acting: the account, the organization it administers or belongs to, and the rule that
// an account with an active commercial license is an organization by default (docs/sources.md,
// Portal overview "Organizational Setup").
import type { Kysely } from 'kysely';
import { AppError } from '../../src-shared/errors.ts';
import { newId } from '../ids.ts';
import type { OrgDB } from './tables.ts';

/** Terms that make an account an organization by default; NFR, EDU, trials and betas do not. */
export const COMMERCIAL_TERMS = ['annual', 'monthly', 'perpetual'] as const;

export interface OrgRef {
  id: string;
  name: string;
  administratorId: string;
  administratorEmail: string;
  administratorName: string;
}

export interface Actor {
  accountId: string;
  email: string;
  name: string;
  /** The confirmed organization this account administers. */
  adminOf: OrgRef | null;
  /** The organization this account is a Member or Guest of. */
  memberOf: (OrgRef & { role: 'member' | 'guest' }) | null;
}

type Db = Kysely<OrgDB>;

async function hasCommercialLicense(db: Db, accountId: string, now: string): Promise<boolean> {
  const row = await db
    .selectFrom('purchases')
    .select('id')
    .where('account_id', '=', accountId)
    .where('term', 'in', [...COMMERCIAL_TERMS])
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

async function orgRef(db: Db, where: 'administrator' | 'id', value: string) {
  return db
    .selectFrom('organizations as o')
    .innerJoin('accounts as a', 'a.id', 'o.administrator_id')
    .select([
      'o.id as id',
      'o.name as name',
      'o.confirmed as confirmed',
      'o.administrator_id as administratorId',
      'a.email as administratorEmail',
      'a.name as administratorName',
    ])
    .where(where === 'id' ? 'o.id' : 'o.administrator_id', '=', value)
    .executeTakeFirst();
}

function toRef(o: OrgRef): OrgRef {
  return {
    id: o.id,
    name: o.name,
    administratorId: o.administratorId,
    administratorEmail: o.administratorEmail,
    administratorName: o.administratorName,
  };
}

/**
 * Loads the actor. An account with an active commercial license that is nobody's Member or Guest
 * becomes (or stays) the administrator of its own organization, created here when missing.
 */
export async function loadActor(db: Db, accountId: string, now: string): Promise<Actor> {
  const account = await db
    .selectFrom('accounts')
    .select(['id', 'email', 'name', 'customer_number'])
    .where('id', '=', accountId)
    .executeTakeFirst();
  if (!account) throw new AppError('unauthorized', 'The account no longer exists. Sign in again.');
  const membership = await db
    .selectFrom('memberships')
    .select(['organization_id', 'role'])
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  if (membership) {
    const org = await orgRef(db, 'id', membership.organization_id);
    if (!org) throw new AppError('internal', 'The membership names a missing organization.');
    const memberOf = { ...toRef(org), role: membership.role };
    return { accountId, email: account.email, name: account.name, adminOf: null, memberOf };
  }
  let org = await orgRef(db, 'administrator', accountId);
  if ((!org || !org.confirmed) && (await hasCommercialLicense(db, accountId, now))) {
    if (!org) {
      await db
        .insertInto('organizations')
        .values({
          id: newId('org'),
          name: account.name,
          administrator_id: accountId,
          customer_number: account.customer_number,
          confirmed: 1,
          created_at: now,
        })
        .execute();
    } else {
      await db
        .updateTable('organizations')
        .set({ confirmed: 1 })
        .where('id', '=', org.id)
        .execute();
    }
    org = await orgRef(db, 'administrator', accountId);
  }
  const adminOf = org && org.confirmed ? toRef(org) : null;
  return { accountId, email: account.email, name: account.name, adminOf, memberOf: null };
}

export type OrgRequestState = 'confirmed' | 'requested';

/**
 * docs/sources.md, Portal guide §II: an account that is not an organization by default asks for one
 * with its customer number; it stays `requested` until the vendor confirms it.
 */
export async function requestOrganization(
  db: Db,
  accountId: string,
  name: string | undefined,
  now: string,
): Promise<{ organizationId: string; state: OrgRequestState }> {
  const actor = await loadActor(db, accountId, now);
  if (actor.memberOf)
    throw new AppError(
      'conflict',
      `You are a ${actor.memberOf.role === 'member' ? 'Member' : 'Guest'} of ${actor.memberOf.name}. One account can have only one organization.`,
    );
  if (actor.adminOf) return { organizationId: actor.adminOf.id, state: 'confirmed' };
  const existing = await orgRef(db, 'administrator', accountId);
  if (existing) {
    if (name)
      await db.updateTable('organizations').set({ name }).where('id', '=', existing.id).execute();
    return { organizationId: existing.id, state: 'requested' };
  }
  const account = await db
    .selectFrom('accounts')
    .select(['name', 'customer_number'])
    .where('id', '=', accountId)
    .executeTakeFirstOrThrow();
  const id = newId('org');
  await db
    .insertInto('organizations')
    .values({
      id,
      name: name ?? account.name,
      administrator_id: accountId,
      customer_number: account.customer_number,
      confirmed: 0,
      created_at: now,
    })
    .execute();
  return { organizationId: id, state: 'requested' };
}

/**
 * The vendor confirms the organization of the account with this customer number (creating it when
 * the customer asked by other means), after which that account is an administrator.
 */
export async function confirmOrganization(
  db: Db,
  customerNumber: string,
  now: string,
): Promise<{ organizationId: string; administratorEmail: string; created: boolean }> {
  const account = await db
    .selectFrom('accounts')
    .select(['id', 'email', 'name'])
    .where('customer_number', '=', customerNumber)
    .executeTakeFirst();
  if (!account)
    throw new AppError('not_found', `No account has the customer number ${customerNumber}`);
  const membership = await db
    .selectFrom('memberships')
    .select('organization_id')
    .where('account_id', '=', account.id)
    .executeTakeFirst();
  if (membership)
    throw new AppError(
      'conflict',
      `${account.email} is a Member or Guest of another organization. One account can have only one organization.`,
    );
  const org = await orgRef(db, 'administrator', account.id);
  if (org) {
    if (!org.confirmed)
      await db
        .updateTable('organizations')
        .set({ confirmed: 1 })
        .where('id', '=', org.id)
        .execute();
    return { organizationId: org.id, administratorEmail: account.email, created: false };
  }
  const id = newId('org');
  await db
    .insertInto('organizations')
    .values({
      id,
      name: account.name,
      administrator_id: account.id,
      customer_number: customerNumber,
      confirmed: 1,
      created_at: now,
    })
    .execute();
  return { organizationId: id, administratorEmail: account.email, created: true };
}
