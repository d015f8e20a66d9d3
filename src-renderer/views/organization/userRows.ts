// Users' rows read from the core when a flow needs more than the painted page: the checked users
// (the action bar's flows, "Download CSV"), every user a filter matches (Manual, a .csv file's
// emails, holders of a purchase), or their ids alone (select all). The list itself never holds more
// than its page (docs/architecture.md "Views update only what changed").
import { useEffect, useState } from 'react';
import type { OrgUserRow } from '../../../src-shared/domain/org.ts';
import { MAX_BATCH } from '../../../src-shared/org/mutations.ts';
import type { UserFilterQuery } from '../../../src-shared/org/rules/user-filter.ts';
import { request } from '../../bridge/index.ts';
import { messageOf } from '../../stores/errors.ts';

/** The rows of these users, in the list's order (users no longer in the organization left out). */
export async function rowsOf(ids: readonly string[]): Promise<OrgUserRow[]> {
  const out: OrgUserRow[] = [];
  for (let i = 0; i < ids.length; i += MAX_BATCH) {
    const p = await request('org.users', { ids: ids.slice(i, i + MAX_BATCH), pageSize: MAX_BATCH });
    out.push(...p.users);
  }
  return out;
}

/** Every user the query matches, read page by page. */
export async function allRows(q: UserFilterQuery = {}): Promise<OrgUserRow[]> {
  const out: OrgUserRow[] = [];
  for (let page = 0; ; page++) {
    const p = await request('org.users', { ...q, page, pageSize: MAX_BATCH });
    out.push(...p.users);
    if (out.length >= p.total || p.users.length === 0) return out;
  }
}

/** The ids of every user the query matches, in the list's order. */
export async function matchingIds(q: UserFilterQuery): Promise<string[]> {
  return (await request('org.userIds', q)).ids;
}

/**
 * Every user's row, read once when a dialog that lists the whole organization opens (Manual, a
 * .csv file's emails); null while on its way.
 */
export function useAllRows(): { users: OrgUserRow[] | null; error: string | null } {
  const [state, setState] = useState<{ users: OrgUserRow[] | null; error: string | null }>({
    users: null,
    error: null,
  });
  useEffect(() => {
    let live = true;
    allRows()
      .then((users) => live && setState({ users, error: null }))
      .catch((err: unknown) => live && setState({ users: null, error: messageOf(err) }));
    return () => {
      live = false;
    };
  }, []);
  return state;
}
