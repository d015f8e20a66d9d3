// Which organization an account belongs to, in which role, and the cloud credits it may use there.
import type { MyCreditsView } from '../../src-shared/cloud-api/schemas.ts';
import type { OrgRole } from '../../src-shared/domain/account.ts';
import type { CreditAccess } from '../../src-shared/org/model.ts';
import { availableCredits } from '../../src-shared/org/rules/credits.ts';
import { orgStore } from '../org/tables.ts';
import { poolBalance } from '../org/views.ts';
import type { Store } from '../store/db.ts';

export interface OrgPlace {
  id: string;
  name: string;
  role: OrgRole;
  administratorId: string;
  administratorName: string;
  administratorEmail: string;
}

/**
 * One account has one organization (docs/sources.md, Portal guide §I and Portal overview "Terms";
 * docs/roles.md). A Member or Guest of an organization is that, first: the organization its own
 * commercial license made by default stays set aside while it belongs to another, so it never
 * answers as an administrator there.
 */
export async function organizationOf(db: Store, accountId: string): Promise<OrgPlace | null> {
  const base = db
    .selectFrom('organizations as o')
    .innerJoin('accounts as a', 'a.id', 'o.administrator_id')
    .select([
      'o.id as id',
      'o.name as name',
      'o.administrator_id as administratorId',
      'a.name as administratorName',
      'a.email as administratorEmail',
    ]);
  const asUser = await base
    .innerJoin('memberships as m', 'm.organization_id', 'o.id')
    .select('m.role as role')
    .where('m.account_id', '=', accountId)
    .executeTakeFirst();
  if (asUser) return asUser;
  // A requested organization makes nobody its administrator until the vendor confirms it.
  const asAdmin = await base
    .where('o.administrator_id', '=', accountId)
    .where('o.confirmed', '=', 1)
    .executeTakeFirst();
  return asAdmin ? { ...asAdmin, role: 'administrator' } : null;
}

/**
 * The account's own organizational credits: a member's or guest's quota capped by the pool
 * (`availableCredits`), or — for the administrator, who owns the pool — the whole pool.
 */
export async function creditsOf(
  db: Store,
  place: OrgPlace,
  accountId: string,
  now: string,
): Promise<MyCreditsView> {
  const pool = await poolBalance(orgStore(db), place, now);
  if (place.role === 'administrator')
    return { mode: 'unlimited', limit: null, used: 0, available: pool };
  const row = await db
    .selectFrom('credit_access')
    .select(['mode', 'limit_milli', 'used_milli'])
    .where('organization_id', '=', place.id)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  const used = (row?.used_milli ?? 0) / 1000;
  const access: CreditAccess =
    !row || row.mode === 'disabled'
      ? { mode: 'disabled' }
      : row.mode === 'unlimited'
        ? { mode: 'unlimited' }
        : { mode: 'limit', limit: (row.limit_milli ?? 0) / 1000 };
  return {
    mode: access.mode,
    limit: access.mode === 'limit' ? access.limit : null,
    used,
    available: availableCredits(access, used, pool),
  };
}
