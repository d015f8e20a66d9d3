// Bulk loaders of what the rules need about organization users: membership, seats, borrows.
import type { OrgTx } from '../tables.ts';
import { chunks, type AdminContext } from './types.ts';

export interface OrgUser {
  accountId: string;
  email: string;
  role: 'member' | 'guest';
}

/** The organization's users among these account ids, with their emails. */
export async function orgUsers(
  c: AdminContext,
  ids: readonly string[],
): Promise<Map<string, OrgUser>> {
  const found = new Map<string, OrgUser>();
  for (const part of chunks([...new Set(ids)])) {
    const rows = await c.tx
      .selectFrom('memberships as m')
      .innerJoin('accounts as a', 'a.id', 'm.account_id')
      .select(['m.account_id', 'a.email', 'm.role'])
      .where('m.organization_id', '=', c.org.id)
      .where('m.account_id', 'in', part)
      .execute();
    for (const r of rows)
      found.set(r.account_id, { accountId: r.account_id, email: r.email, role: r.role });
  }
  return found;
}

/**
 * Emails of accounts that are not (or no longer) users, so messages can still name them — only
 * accounts the organization knows: its administrator, former users (a `users` tombstone) and
 * addressees of its invitations. Any other account is answered like an id that does not exist,
 * so no answer reveals an account outside the caller's organization (docs/cloud-scaling.md).
 */
export async function emailsOf(
  c: AdminContext,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const part of chunks([...new Set(ids)])) {
    const rows = await c.tx
      .selectFrom('accounts as a')
      .select(['a.id', 'a.email'])
      .where('a.id', 'in', part)
      .where((eb) =>
        eb.or([
          eb('a.id', '=', c.org.administratorId),
          eb.exists(
            eb
              .selectFrom('sync_tombstones as t')
              .select('t.seq')
              .where('t.feed', '=', 'users')
              .where('t.organization_id', '=', c.org.id)
              .whereRef('t.row_key', '=', 'a.id'),
          ),
          eb.exists(
            eb
              .selectFrom('invitations as i')
              .select('i.id')
              .where('i.organization_id', '=', c.org.id)
              .whereRef('i.email', '=', 'a.email'),
          ),
        ]),
      )
      .execute();
    for (const r of rows) found.set(r.id, r.email);
  }
  return found;
}

/** Seats of the organization's purchases assigned to each of these users. */
export async function assignedSeats(
  c: AdminContext,
  ids: readonly string[],
): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  for (const part of chunks([...new Set(ids)])) {
    const rows = await c.tx
      .selectFrom('assignments')
      .select(['account_id', (eb) => eb.fn.sum<number>('quantity').as('seats')])
      .where('organization_id', '=', c.org.id)
      .where('account_id', 'in', part)
      .groupBy('account_id')
      .execute();
    for (const r of rows) found.set(r.account_id, Number(r.seats));
  }
  return found;
}

/**
 * Seats of the organization's purchases each of these users has borrowed and not returned, per
 * user and per purchase. A borrow past its end has returned by itself (docs/requirements.md §7).
 */
export async function borrowedSeats(
  c: AdminContext,
  ids: readonly string[],
): Promise<Map<string, Map<string, number>>> {
  const found = new Map<string, Map<string, number>>();
  for (const part of chunks([...new Set(ids)])) {
    const rows = await c.tx
      .selectFrom('borrows as b')
      .innerJoin('purchases as p', 'p.id', 'b.purchase_id')
      .select([
        'b.account_id',
        'b.purchase_id',
        (eb) => eb.fn.sum<number>('b.quantity').as('seats'),
      ])
      .where('p.account_id', '=', c.org.administratorId)
      .where('b.account_id', 'in', part)
      .where('b.returned_at', 'is', null)
      .where('b.until', '>', c.now)
      .groupBy(['b.account_id', 'b.purchase_id'])
      .execute();
    for (const r of rows) {
      const per = found.get(r.account_id) ?? new Map<string, number>();
      per.set(r.purchase_id, Number(r.seats));
      found.set(r.account_id, per);
    }
  }
  return found;
}

export function total(per: Map<string, number> | undefined): number {
  let n = 0;
  for (const v of per?.values() ?? []) n += v;
  return n;
}

/**
 * Organizations in use: with users or pending invitations. Every account with a commercial
 * license administers an (empty) organization by default, and an empty one does not count.
 */
export function inUseOrganizations(tx: OrgTx) {
  return tx
    .selectFrom('organizations as o')
    .where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('memberships as m')
            .select('m.account_id')
            .whereRef('m.organization_id', '=', 'o.id'),
        ),
        eb.exists(
          eb
            .selectFrom('invitations as i')
            .select('i.id')
            .whereRef('i.organization_id', '=', 'o.id')
            .where('i.status', '=', 'pending'),
        ),
      ]),
    );
}
