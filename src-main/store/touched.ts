// What one write to the replica's organization tables touched, as `data.changed` names it: the
// feed tables, and the users whose rows in the user list changed — so a view refreshes those rows
// instead of reloading 10,000 users (docs/architecture.md, "Views update only what changed").
import type { FeedTable } from '../../src-shared/cloud-api/sync.ts';
import type { DataChanged } from '../../src-shared/bridge/contract.ts';

type Row = Record<string, unknown>;

/** Tables whose rows belong to one user of the list, and how a row names its user. */
const userOfRow: Partial<Record<FeedTable, (key: string, row: Row | null) => unknown>> = {
  users: (key) => key,
  creditAccess: (key) => key,
  assignments: (_key, row) => row?.userId,
  borrows: (_key, row) => row?.userId,
};

/** Tables whose change may alter every user's row (the credit pool behind each quota label). */
const everyUser = new Set<FeedTable>(['creditLots', 'creditLedger']);

export class Touched {
  readonly #tables = new Set<FeedTable>();
  readonly #users = new Set<string>();
  #everyone = false;

  /**
   * A row of `tbl` changed. `before` reads the row as stored (for a deletion or a row whose
   * user changed); `row` is the new row, or null when it is deleted.
   */
  row(tbl: FeedTable, key: string, row: Row | null, before: () => Row | null): void {
    this.#tables.add(tbl);
    if (everyUser.has(tbl)) this.#everyone = true;
    const userOf = userOfRow[tbl];
    if (!userOf) return;
    for (const r of [row, tbl === 'users' || tbl === 'creditAccess' ? null : before()]) {
      const id = userOf(key, r);
      if (typeof id === 'string') this.#users.add(id);
    }
  }

  /** A whole table changed (a reset): any user may have. */
  table(tbl: FeedTable): void {
    this.#tables.add(tbl);
    if (userOfRow[tbl] || everyUser.has(tbl)) this.#everyone = true;
  }

  get tables(): FeedTable[] {
    return [...this.#tables];
  }

  /** The event, with `org.`-prefixed tables and, unless any user may have changed, the users. */
  event(extra: string[] = []): DataChanged {
    const tables = [...extra, ...[...this.#tables].map((t) => `org.${t}`)];
    return this.#everyone ? { tables } : { tables, users: [...this.#users] };
  }
}
