// The AccountView of an account: its details and its place in an organization.
import type { AccountView } from '../../src-shared/domain/account.ts';
import { AppError } from '../../src-shared/errors.ts';
import type { Store } from '../store/db.ts';
import { organizationOf } from './organization.ts';

export async function accountView(db: Store, accountId: string): Promise<AccountView> {
  const a = await db
    .selectFrom('accounts')
    .select(['id', 'name', 'email', 'country', 'customer_number'])
    .where('id', '=', accountId)
    .executeTakeFirst();
  if (!a) throw new AppError('unauthorized', 'The account no longer exists. Sign in again.');
  const org = await organizationOf(db, accountId);
  return {
    id: a.id,
    name: a.name,
    email: a.email,
    country: a.country,
    customerNumber: a.customer_number,
    organization: org && {
      id: org.id,
      name: org.name,
      role: org.role,
      administratorName: org.administratorName,
      administratorEmail: org.administratorEmail,
    },
  };
}
