// The account's data as one pull from the cloud brings it, applied to the replica as a whole.
import type { AccountView, OrganizationRef } from '../../src-shared/domain/account.ts';
import type { LicenseView, ProductView } from '../../src-shared/domain/license.ts';

/** What the license server of this account may serve, per product (the `server_pool` table). */
export interface ServerPoolEntry {
  productCode: string;
  productName: string;
  licenseType: ProductView['licenseType'];
  total: number;
}

export interface Snapshot {
  account: Omit<AccountView, 'organization'>;
  organization: OrganizationRef | null;
  products: ProductView[];
  licenses: LicenseView[];
  pool: ServerPoolEntry[];
  /** ISO time the pull finished. */
  syncedAt: string;
}

/** Replica tables a snapshot writes, as named in `data.changed` events. */
export type ReplicaTable = 'account' | 'organization' | 'products' | 'licenses' | 'server_pool';
export const replicaTables: ReplicaTable[] = [
  'account',
  'organization',
  'products',
  'licenses',
  'server_pool',
];
