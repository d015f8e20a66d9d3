// Which organization an account belongs to and in which role (administrator, member or guest).
import type { OrgRole } from '../../src-shared/domain/account.ts';
import type { Store } from '../store/db.ts';

export interface OrgPlace {
  id: string;
  name: string;
  role: OrgRole;
  administratorId: string;
  administratorName: string;
  administratorEmail: string;
}

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
  // A requested organization makes nobody its administrator until the vendor confirms it.
  const asAdmin = await base
    .where('o.administrator_id', '=', accountId)
    .where('o.confirmed', '=', 1)
    .executeTakeFirst();
  if (asAdmin) return { ...asAdmin, role: 'administrator' };
  const asUser = await base
    .innerJoin('memberships as m', 'm.organization_id', 'o.id')
    .select('m.role as role')
    .where('m.account_id', '=', accountId)
    .executeTakeFirst();
  return asUser ?? null;
}
