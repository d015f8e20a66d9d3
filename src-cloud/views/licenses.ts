// An account's licenses: its own purchases and the organization seats assigned to it, side by side.
import type { LicenseView } from '../../src-shared/domain/license.ts';
import type { Store } from '../store/db.ts';
import { organizationOf } from './organization.ts';

/** Trials and betas stay with the person who took them; everything else an administrator buys is the organization's. */
export const personalOnlyTerms = ['trial', 'beta'] as const;

/**
 * The licenses an account may use now: expired purchases are products to buy again (Products →
 * Expired), never licenses (docs/roles.md). Own purchases are the organization's only while the
 * account is the administrator of its own organization, never while it is someone's Guest.
 */
export async function licensesOf(
  db: Store,
  accountId: string,
  now: string,
): Promise<LicenseView[]> {
  const org = await organizationOf(db, accountId);
  const isAdmin = org?.role === 'administrator';
  const own = await db
    .selectFrom('purchases as p')
    .innerJoin('products as pr', 'pr.code', 'p.product_code')
    .select([
      'p.id',
      'p.product_code',
      'pr.name',
      'pr.license_type',
      'p.term',
      'p.quantity',
      'p.expires_at',
      'pr.sort_order',
    ])
    .where('p.account_id', '=', accountId)
    .where((eb) => eb.or([eb('p.expires_at', 'is', null), eb('p.expires_at', '>', now)]))
    .execute();
  const assigned = await db
    .selectFrom('assignments as s')
    .innerJoin('purchases as p', 'p.id', 's.purchase_id')
    .innerJoin('products as pr', 'pr.code', 'p.product_code')
    .select([
      's.id',
      'p.product_code',
      'pr.name',
      'pr.license_type',
      'p.term',
      's.quantity',
      'p.expires_at',
      'pr.sort_order',
    ])
    .where('s.account_id', '=', accountId)
    .where((eb) => eb.or([eb('p.expires_at', 'is', null), eb('p.expires_at', '>', now)]))
    .execute();
  const rows = [
    ...own.map((r) => ({
      ...r,
      source: (isAdmin && !(personalOnlyTerms as readonly string[]).includes(r.term)
        ? 'organization'
        : 'personal') as LicenseView['source'],
    })),
    ...assigned.map((r) => ({ ...r, source: 'organization' as const })),
  ];
  rows.sort(
    (a, b) =>
      a.sort_order - b.sort_order ||
      (a.expires_at ?? '9999').localeCompare(b.expires_at ?? '9999') ||
      a.source.localeCompare(b.source),
  );
  return rows.map((r) => ({
    id: r.id,
    productCode: r.product_code,
    productName: r.name,
    licenseType: r.license_type,
    term: r.term,
    quantity: r.quantity,
    expiresAt: r.expires_at,
    source: r.source,
  }));
}
