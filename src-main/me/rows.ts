// A feed table as the user sees it: the pulled rows with the outbox's pending effects laid over them.
import type { FeedTable } from '../../src-shared/cloud-api/sync.ts';
import type { FeedRow, OrgStore } from '../store/org-store.ts';

export type Pending<T> = T & { pending?: boolean };

/** Every row of `tbl` (few for a member: their own), effects applied in the order they were made. */
export function rowsWithEffects<T>(store: OrgStore, tbl: FeedTable): Map<string, Pending<T>> {
  const rows = store.baseRows(tbl) as Map<string, FeedRow>;
  for (const e of store.effects()) {
    if (e.tbl !== tbl) continue;
    if (e.data === null) rows.delete(e.key);
    else rows.set(e.key, { ...e.data, pending: true });
  }
  return rows as unknown as Map<string, Pending<T>>;
}

/** A row as the cloud would hold it, without the local `pending` mark. */
export function withoutPending<T extends object>(row: Pending<T>): T {
  const { pending: _pending, ...rest } = row as T & { pending?: boolean };
  return rest as T;
}
