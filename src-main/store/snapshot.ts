// The account's data as one pull from the cloud brings it, applied to the replica as a whole.
import type { MyCreditsView } from '../../src-shared/cloud-api/schemas.ts';
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
  /** The account's own organizational credits (null outside an organization). */
  credits: MyCreditsView | null;
  /** ISO time the pull finished. */
  syncedAt: string;
}

/** Replica tables a snapshot writes. */
export type ReplicaTable = 'account' | 'organization' | 'products' | 'licenses' | 'server_pool';
export const replicaTables: ReplicaTable[] = [
  'account',
  'organization',
  'products',
  'licenses',
  'server_pool',
];

/** What a snapshot changes, as named in `data.changed` events: its tables and the own credits. */
export type SnapshotPart = ReplicaTable | 'credits';
export const snapshotParts: SnapshotPart[] = [...replicaTables, 'credits'];
