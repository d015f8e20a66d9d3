// Pulls the account's whole snapshot from the cloud; the engine applies it to the replica in one transaction.
import { isoNow, type Clock } from '../../src-shared/clock.ts';
import type { Snapshot } from '../store/snapshot.ts';
import type { CloudClient } from './cloud-client.ts';

/** Fetches everything the replica holds, in parallel; nothing is written until all arrived. */
export async function pullSnapshot(client: CloudClient, clock: Clock): Promise<Snapshot> {
  const [account, organization, products, licenses, pool] = await Promise.all([
    client.get('account'),
    client.get('organization'),
    client.get('products'),
    client.get('licenses'),
    client.get('licenseServerPool'),
  ]);
  const at = isoNow(clock);
  return {
    account: {
      id: account.id,
      name: account.name,
      email: account.email,
      country: account.country,
      customerNumber: account.customerNumber,
    },
    organization: organization
      ? {
          id: organization.organization.id,
          name: organization.organization.name,
          role: organization.role,
          administratorName: organization.organization.administrator.name,
          administratorEmail: organization.organization.administrator.email,
        }
      : null,
    products,
    licenses,
    pool: pool.map((p) => ({
      productCode: p.productCode,
      productName: p.productName,
      licenseType: p.licenseType,
      total: p.total,
    })),
    credits: organization?.credits ?? null,
    syncedAt: at,
  };
}
