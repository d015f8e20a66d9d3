// The Activity view's data: the cloud's audit log read on demand (it is never replicated), in words.
import type { AuditOperation } from '../../src-shared/cloud-api/org.ts';
import type { ActivityPage } from '../../src-shared/domain/activity.ts';
import { AppError } from '../../src-shared/errors.ts';
import type { Core } from '../core/core.ts';
import { describeEntry, type Names } from './describe.ts';

export const ACTIVITY_OFFLINE = 'The activity log is kept by the cloud. Connect to see it.';
const PAGE = 50;

export interface ActivityQuery {
  user?: string;
  operation?: AuditOperation;
  before?: number;
  limit?: number;
}

/** Names from the replica, read once per page. */
function replicaNames(core: Core): Names {
  const people = new Map<string, string>();
  for (const u of core.sync.store.userIndex()) people.set(u.email.toLowerCase(), u.name);
  const org = core.sync.state.organization();
  if (org) people.set(org.administratorEmail.toLowerCase(), org.administratorName);
  const purchases = new Map<string, string>();
  const products = new Map<string, string>();
  for (const p of core.orgPurchases()) {
    purchases.set(p.id, p.productName);
    products.set(p.productCode, p.productName);
  }
  return {
    person: (email) => people.get(email.toLowerCase()) ?? null,
    purchase: (id) => purchases.get(id) ?? null,
    product: (code) => products.get(code) ?? null,
  };
}

/**
 * One page of the organization's log, newest first. Offline it answers `offline` with the
 * age of the replica (details.lastSyncAt), and the status bar learns the cloud is gone.
 */
export async function readActivity(core: Core, q: ActivityQuery): Promise<ActivityPage> {
  const account = core.account();
  if (account.organization?.role !== 'administrator')
    throw new AppError(
      'forbidden',
      'Only the Administrator of the organization can see its activity',
    );
  const limit = q.limit ?? PAGE;
  const user = q.user?.trim() || undefined;
  let entries;
  try {
    // One more than asked tells whether an older page exists without a second request.
    entries = await core.client.audit({
      limit: limit + 1,
      ...(q.before !== undefined ? { before: q.before } : {}),
      ...(user ? { user } : {}),
      ...(q.operation ? { operation: q.operation } : {}),
    });
  } catch (err) {
    const e = AppError.from(err);
    if (e.code !== 'offline' && e.code !== 'unavailable') throw e;
    core.sync.noteCloudError(e);
    throw new AppError('offline', ACTIVITY_OFFLINE, {
      lastSyncAt: core.syncStatus().lastSyncAt,
      cause: e.message,
    });
  }
  const page = entries.slice(0, limit);
  const names = replicaNames(core);
  return {
    entries: page.map((e) => describeEntry(e, names)),
    nextBefore: entries.length > limit ? (page.at(-1)?.id ?? null) : null,
  };
}
