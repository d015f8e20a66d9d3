// Read views of the organization for its administrator and the invitee: users, invitations.
import { sql } from 'kysely';
import type { InvitationRow } from '../../src-shared/cloud-api/sync.ts';
import type { OrgUserView } from '../../src-shared/cloud-api/org.ts';
import type { CreditAccess } from '../../src-shared/org/model.ts';
import { availableCredits, creditAccessLabel } from '../../src-shared/org/rules/credits.ts';
import type { OrgRef } from './actor.ts';
import type { OrgStore } from './tables.ts';

const credits = (milli: number | null) => (milli === null ? null : milli / 1000);

/** The organizational pool: the administrator's unexpired credit lots. */
export async function poolBalance(db: OrgStore, org: OrgRef, now: string): Promise<number> {
  const row = await db
    .selectFrom('credit_lots')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('remaining_milli'), eb.lit(0)).as('milli'))
    .where('account_id', '=', org.administratorId)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
    .executeTakeFirstOrThrow();
  return Number(row.milli) / 1000;
}

export async function listUsers(db: OrgStore, org: OrgRef, now: string): Promise<OrgUserView[]> {
  const pool = await poolBalance(db, org, now);
  const users = await db
    .selectFrom('memberships as m')
    .innerJoin('accounts as a', 'a.id', 'm.account_id')
    .leftJoin('credit_access as c', (j) =>
      j
        .onRef('c.account_id', '=', 'm.account_id')
        .onRef('c.organization_id', '=', 'm.organization_id'),
    )
    .select([
      'm.account_id',
      'a.email',
      'a.name',
      'm.role',
      'm.joined_at',
      'c.mode',
      'c.limit_milli',
      'c.used_milli',
    ])
    .where('m.organization_id', '=', org.id)
    .orderBy('a.email')
    .execute();
  const seats = await db
    .selectFrom('assignments as s')
    .innerJoin('purchases as p', 'p.id', 's.purchase_id')
    .innerJoin('products as pr', 'pr.code', 'p.product_code')
    .select(['s.account_id', 's.purchase_id', 's.quantity', 'p.product_code', 'pr.name'])
    .where('s.organization_id', '=', org.id)
    .execute();
  const { rows: borrowed } = await sql<{ account_id: string; purchase_id: string; n: number }>`
    SELECT b.account_id, b.purchase_id, sum(b.quantity) AS n FROM borrows b
    JOIN purchases p ON p.id = b.purchase_id
    WHERE p.account_id = ${org.administratorId} AND b.returned_at IS NULL AND b.until > ${now}
    GROUP BY b.account_id, b.purchase_id`.execute(db);
  const borrowKey = new Map(borrowed.map((b) => [`${b.account_id}:${b.purchase_id}`, Number(b.n)]));
  const products = new Map<string, OrgUserView['products']>();
  for (const s of seats) {
    const list = products.get(s.account_id) ?? [];
    list.push({
      productCode: s.product_code,
      productName: s.name,
      purchaseId: s.purchase_id,
      quantity: s.quantity,
      borrowed: borrowKey.get(`${s.account_id}:${s.purchase_id}`) ?? 0,
    });
    products.set(s.account_id, list);
  }
  return users.map((u) => {
    const access: CreditAccess =
      u.mode === 'limit'
        ? { mode: 'limit', limit: credits(u.limit_milli) ?? 0 }
        : u.mode === 'unlimited'
          ? { mode: 'unlimited' }
          : { mode: 'disabled' };
    const used = (u.used_milli ?? 0) / 1000;
    return {
      id: u.account_id,
      email: u.email,
      name: u.name,
      role: u.role,
      joinedAt: u.joined_at,
      products: products.get(u.account_id) ?? [],
      creditAccess: {
        mode: access.mode,
        limit: access.mode === 'limit' ? access.limit : null,
        used,
        available: availableCredits(access, used, pool),
        label: creditAccessLabel(access, used, pool),
      },
    };
  });
}

// Quoted: PostgreSQL folds unquoted names to lower case.
const invitationColumns = sql`i.id AS id, i.organization_id AS "organizationId",
  o.name AS "organizationName", a.email AS "invitedBy", i.email AS email, i.role AS role,
  i.status AS status, i.created_at AS "createdAt", i.updated_at AS "updatedAt"`;

export async function listInvitations(
  db: OrgStore,
  organizationId: string,
  status: string | undefined,
): Promise<InvitationRow[]> {
  const { rows } = await sql<InvitationRow>`
    SELECT ${invitationColumns} FROM invitations i
    JOIN organizations o ON o.id = i.organization_id JOIN accounts a ON a.id = o.administrator_id
    WHERE i.organization_id = ${organizationId} ${status ? sql`AND i.status = ${status}` : sql``}
    ORDER BY i.created_at DESC, i.id`.execute(db);
  return rows;
}

export async function invitationsFor(db: OrgStore, email: string): Promise<InvitationRow[]> {
  const { rows } = await sql<InvitationRow>`
    SELECT ${invitationColumns} FROM invitations i
    JOIN organizations o ON o.id = i.organization_id JOIN accounts a ON a.id = o.administrator_id
    WHERE i.email = ${email} AND i.status = 'pending' ORDER BY i.created_at DESC`.execute(db);
  return rows;
}
