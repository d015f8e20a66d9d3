// Pulls the account's whole snapshot from the cloud and applies it to the replica in one transaction.
import type { MyCreditsView } from '../../src-shared/cloud-api/schemas.ts';
import type { Replica } from '../store/replica.ts';
import type { ReplicaTable, Snapshot } from '../store/snapshot.ts';
import type { CloudClient } from './cloud-client.ts';

/** What a snapshot pull answers beside the replica's tables, for the modules that keep it. */
export interface SnapshotExtras {
  /** The account the answer is about: a pull that lands after a sign-out must not be mixed in. */
  accountId: string;
  /** The account's own organizational credits (null outside an organization). */
  credits: MyCreditsView | null;
  /** ISO time the pull finished. */
  at: string;
}

type ExtrasListener = (extras: SnapshotExtras) => void;

/**
 * Listeners per cloud client (one per core): the snapshot tables have no column for the extras,
 * so the module that shows them keeps them (src-main/me/credits.ts, in the replica's meta table).
 */
const extrasListeners = new WeakMap<CloudClient, Set<ExtrasListener>>();

/** Calls `listener` with the extras of every snapshot `client` pulls; answers the unsubscribe. */
export function onSnapshotExtras(client: CloudClient, listener: ExtrasListener): () => void {
  let set = extrasListeners.get(client);
  if (!set) extrasListeners.set(client, (set = new Set()));
  set.add(listener);
  return () => set.delete(listener);
}

/** Fetches everything the replica holds, in parallel; nothing is written until all arrived. */
export async function pullSnapshot(client: CloudClient, clock: () => Date): Promise<Snapshot> {
  const [account, organization, products, licenses, pool] = await Promise.all([
    client.get('account'),
    client.get('organization'),
    client.get('products'),
    client.get('licenses'),
    client.get('licenseServerPool'),
  ]);
  const at = clock().toISOString();
  const extras: SnapshotExtras = {
    accountId: account.id,
    credits: organization?.credits ?? null,
    at,
  };
  for (const listener of extrasListeners.get(client) ?? []) {
    try {
      listener(extras);
    } catch {
      // A keeper of extras failing must not fail the sync round; it reports its own errors.
    }
  }
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
    syncedAt: at,
  };
}

/** One sync: pull, then one transaction; answers the tables whose content changed. */
export async function syncSnapshot(
  client: CloudClient,
  replica: Replica,
  clock: () => Date,
): Promise<ReplicaTable[]> {
  const snap = await pullSnapshot(client, clock);
  return replica.applySnapshot(snap);
}
