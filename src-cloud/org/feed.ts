// GET /v1/pull: every row that changed for the account since a cursor, as JSON built by the
// database itself (store/json-sql.ts) (fast at 60,000 rows); an administrator sees the organization, anyone else their own rows.
import { sql, type RawBuilder } from 'kysely';
import { feedTables, type FeedTable } from '../../src-shared/cloud-api/sync.ts';
import { jsonSqlOf, type JsonSql } from '../store/json-sql.ts';
import { loadActor } from './actor.ts';
import type { OrgStore, OrgTx } from './tables.ts';

interface Scope {
  accountId: string;
  email: string;
  /** The organization the account administers (whole-organization view). */
  adminOrg: string | null;
  /** The organization the account is a Member or Guest of. */
  memberOrg: string | null;
}

/**
 * One feed table: the JSON object of a row, and the rows the account sees (`FROM … WHERE scope`)
 * with the column holding each row's change sequence number.
 */
interface TableQuery {
  obj: (j: JsonSql) => RawBuilder<unknown>;
  from: (s: Scope) => RawBuilder<unknown>;
  seq: RawBuilder<unknown>;
}

/** The feed's tables, each answered as a JSON array of the rows changed in a window of seq. */
const queries: Record<FeedTable, TableQuery> = {
  organization: {
    obj: (j) => sql`${j.obj}('id', o.id, 'name', o.name, 'administratorId', o.administrator_id,
      'administratorName', a.name, 'administratorEmail', a.email, 'customerNumber', o.customer_number,
      'confirmed', ${j.bool(sql`o.confirmed`)})`,
    from: (s) => sql`FROM organizations o JOIN accounts a ON a.id = o.administrator_id
      WHERE o.id IN (${s.adminOrg ?? ''}, ${s.memberOrg ?? ''})`,
    seq: sql.raw('o.seq'),
  },
  users: {
    obj: (j) => sql`${j.obj}('id', m.account_id, 'email', a.email, 'name', a.name,
      'role', m.role, 'joinedAt', m.joined_at)`,
    from: (s) => sql`FROM memberships m JOIN accounts a ON a.id = m.account_id
      WHERE ${s.adminOrg ? sql`m.organization_id = ${s.adminOrg}` : sql`m.account_id = ${s.accountId}`}`,
    seq: sql.raw('m.seq'),
  },
  invitations: {
    obj: (j) => sql`${j.obj}('id', i.id, 'organizationId', i.organization_id,
      'organizationName', o.name, 'invitedBy', a.email, 'email', i.email, 'role', i.role,
      'status', i.status, 'createdAt', i.created_at, 'updatedAt', i.updated_at)`,
    from: (s) => sql`FROM invitations i JOIN organizations o ON o.id = i.organization_id
      JOIN accounts a ON a.id = o.administrator_id
      WHERE (i.organization_id = ${s.adminOrg ?? ''} OR i.email = ${s.email})`,
    seq: sql.raw('i.seq'),
  },
  assignments: {
    obj: (j) => sql`${j.obj}('id', x.id, 'purchaseId', x.purchase_id, 'userId', x.account_id,
      'productCode', p.product_code, 'term', p.term, 'expiresAt', p.expires_at, 'quantity', x.quantity,
      'assignedAt', x.assigned_at)`,
    from: (s) => sql`FROM assignments x JOIN purchases p ON p.id = x.purchase_id
      WHERE ${s.adminOrg ? sql`x.organization_id = ${s.adminOrg}` : sql`x.account_id = ${s.accountId}`}`,
    seq: sql.raw('x.seq'),
  },
  purchases: {
    obj: (j) => sql`${j.obj}('id', p.id, 'ownerId', p.account_id, 'productCode', p.product_code,
      'term', p.term, 'quantity', p.quantity, 'purchasedAt', p.purchased_at, 'expiresAt', p.expires_at)`,
    from: (s) => sql`FROM purchases p WHERE p.account_id = ${s.accountId}`,
    seq: sql.raw('p.seq'),
  },
  creditAccess: {
    obj: (j) => sql`${j.obj}('userId', c.account_id, 'mode', c.mode,
      'limit', CASE WHEN c.limit_milli IS NULL THEN NULL ELSE c.limit_milli / 1000.0 END,
      'used', c.used_milli / 1000.0, 'updatedAt', c.updated_at)`,
    from: (s) => sql`FROM credit_access c
      WHERE ${
        s.adminOrg
          ? sql`c.organization_id = ${s.adminOrg}`
          : sql`c.account_id = ${s.accountId} AND c.organization_id = ${s.memberOrg ?? ''}`
      }`,
    seq: sql.raw('c.seq'),
  },
  borrows: {
    obj: (j) => sql`${j.obj}('id', b.id, 'userId', b.account_id, 'purchaseId', b.purchase_id,
      'productCode', b.product_code, 'quantity', b.quantity, 'borrowedAt', b.borrowed_at, 'until', b.until,
      'returnedAt', b.returned_at)`,
    from: (s) => sql`FROM borrows b JOIN purchases p ON p.id = b.purchase_id
      WHERE (b.account_id = ${s.accountId} OR p.account_id = ${s.adminOrg ? s.accountId : ''})`,
    seq: sql.raw('b.seq'),
  },
  notifications: {
    obj: (j) => sql`${j.obj}('id', n.id, 'kind', n.kind, 'text', n.text, 'link', n.link,
      'createdAt', n.created_at, 'readAt', n.read_at)`,
    from: (s) => sql`FROM notifications n WHERE n.account_id = ${s.accountId}`,
    seq: sql.raw('n.seq'),
  },
  creditLots: {
    obj: (j) => sql`${j.obj}('id', l.id, 'ownerId', l.account_id, 'amount', l.amount_milli / 1000.0,
      'remaining', l.remaining_milli / 1000.0, 'purchasedAt', l.purchased_at, 'expiresAt', l.expires_at)`,
    from: (s) => sql`FROM credit_lots l WHERE l.account_id = ${s.accountId}`,
    seq: sql.raw('l.seq'),
  },
  // The administrator owns the pool, so "owner" covers the organization's movements.
  creditLedger: {
    obj: (j) => sql`${j.obj}('id', g.id, 'ownerId', g.owner_id, 'lotId', g.lot_id, 'kind', g.kind,
      'amount', g.amount_milli / 1000.0, 'userId', g.user_id, 'userEmail', a.email, 'jobId', g.job_id,
      'at', g.at)`,
    from: (s) => sql`FROM credit_ledger g LEFT JOIN accounts a ON a.id = g.user_id
      WHERE (g.owner_id = ${s.accountId} OR g.user_id = ${s.accountId})`,
    seq: sql.raw('g.seq'),
  },
  renderJobs: {
    obj: (j) => sql`${j.obj}('id', r.id, 'userId', r.account_id, 'userEmail', a.email,
      'ownerId', r.owner_id, 'source', r.source, 'scene', r.scene, 'sizeBytes', r.size_bytes,
      'frames', r.frames, 'estimate', r.estimate_milli / 1000.0,
      'cost', CASE WHEN r.cost_milli IS NULL THEN NULL ELSE r.cost_milli / 1000.0 END,
      'status', r.status, 'submittedAt', r.submitted_at, 'endsAt', r.ends_at, 'endedAt', r.ended_at)`,
    from: (s) => sql`FROM render_jobs r JOIN accounts a ON a.id = r.account_id
      WHERE (r.account_id = ${s.accountId} OR r.organization_id = ${s.adminOrg ?? ''})`,
    seq: sql.raw('r.seq'),
  },
};

/** The rows of a table changed in the window (since, until], as a JSON array. */
function tableJson(q: TableQuery, s: Scope, since: number, until: number, j: JsonSql) {
  return sql<{ j: string }>`SELECT ${j.agg(q.obj(j))} AS j ${q.from(s)}
    AND ${q.seq} > ${since} AND ${q.seq} <= ${until}`;
}

/**
 * Rows that become visible without changing themselves (a user who joins sees the organization's
 * existing rows; one who leaves must drop them) make the account's next pull a reset.
 */
async function visibilityChanged(tx: OrgTx, s: Scope, cursor: number): Promise<boolean> {
  const { rows } = await sql<{ n: number }>`
    SELECT (SELECT count(*) FROM memberships WHERE account_id = ${s.accountId} AND seq > ${cursor})
         + (SELECT count(*) FROM organizations WHERE administrator_id = ${s.accountId} AND seq > ${cursor})
         + (SELECT count(*) FROM sync_tombstones WHERE account_id = ${s.accountId} AND feed IN ('users', 'organization')
              AND seq > ${cursor}) AS n`.execute(tx);
  return (rows[0]?.n ?? 0) > 0;
}

/** Deletions the account sees in the window (cursor, until], in order. */
async function tombstones(tx: OrgTx, s: Scope, cursor: number, until: number) {
  const { rows } = await sql<{ feed: string; row_key: string }>`
    SELECT feed, row_key FROM sync_tombstones
    WHERE seq > ${cursor} AND seq <= ${until} AND ${tombstoneScope(s)}
    ORDER BY seq`.execute(tx);
  return rows;
}

const tombstoneScope = (s: Scope) => sql`(account_id = ${s.accountId}
  OR (${s.adminOrg ?? ''} != '' AND organization_id = ${s.adminOrg ?? ''}))`;

/**
 * Where a page of at most `limit` changes after `since` ends: one less than the seq of the
 * (limit+1)-th change the account sees (rows, and deletions unless `reset`), or null when all
 * fit. Each table gives its first limit+1 seqs by its (scope, seq) index, so a page costs the
 * same at any size of the organization.
 */
async function pageEnd(
  tx: OrgTx,
  s: Scope,
  since: number,
  limit: number,
  reset: boolean,
): Promise<number | null> {
  const arms = Object.values(queries).map(
    (q) =>
      sql`SELECT * FROM (SELECT ${q.seq} AS seq ${q.from(s)} AND ${q.seq} > ${since}
        ORDER BY ${q.seq} LIMIT ${limit + 1}) t`,
  );
  if (!reset)
    arms.push(sql`SELECT * FROM (SELECT seq FROM sync_tombstones
      WHERE seq > ${since} AND ${tombstoneScope(s)} ORDER BY seq LIMIT ${limit + 1}) t`);
  const { rows } = await sql<{
    seq: number;
  }>`SELECT seq FROM (${sql.join(arms, sql` UNION ALL `)}) u
    ORDER BY seq LIMIT 1 OFFSET ${limit}`.execute(tx);
  const next = rows[0]?.seq;
  // Seqs are unique per change, but rows older than change tracking all have 0: a page always
  // moves past its start, even when it then holds more than `limit` rows.
  return next === undefined ? null : Math.max(Number(next) - 1, since + 1, 1);
}

/** How many rows a reset answers in all (for the progress of a paged first sync). */
async function rowCount(tx: OrgTx, s: Scope): Promise<number> {
  let n = 0;
  for (const q of Object.values(queries)) {
    const { rows } = await sql<{ n: number }>`SELECT count(*) AS n ${q.from(s)}`.execute(tx);
    n += Number(rows[0]?.n ?? 0);
  }
  return n;
}

/**
 * The pull answer as a JSON string (see PullAnswer in src-shared/cloud-api/sync.ts). With a
 * `limit`, an answer holds the changes up to a seq window of at most that many rows and says
 * `more`: its cursor is where the next page starts (docs/architecture.md, "Initial sync").
 */
export async function pullJson(
  db: OrgStore,
  accountId: string,
  cursor: number,
  now: string,
  limit?: number,
): Promise<string> {
  return db.transaction().execute(async (tx) => {
    const actor = await loadActor(tx, accountId, now);
    const state = await tx
      .selectFrom('sync_state')
      .select(['seq', 'horizon'])
      .where('id', '=', 1)
      .executeTakeFirstOrThrow();
    const scope: Scope = {
      accountId,
      email: actor.email,
      adminOrg: actor.adminOf?.id ?? null,
      memberOrg: actor.memberOf?.id ?? null,
    };
    const reset =
      cursor === 0 ||
      cursor < state.horizon ||
      cursor > state.seq ||
      (await visibilityChanged(tx, scope, cursor));
    const since = reset ? -1 : cursor;
    const end = limit === undefined ? null : await pageEnd(tx, scope, since, limit, reset);
    const until = end === null ? state.seq : Math.min(end, state.seq);
    const more = until < state.seq;
    const j = jsonSqlOf(tx);
    const parts: string[] = [];
    const changedKeys = new Map<string, Set<string>>();
    for (const table of Object.keys(queries) as FeedTable[]) {
      const { rows } = await tableJson(queries[table], scope, since, until, j).execute(tx);
      const json = rows[0]?.j ?? '[]';
      parts.push(`${JSON.stringify(table)}:${json}`);
      if (!reset && json !== '[]') {
        const key = feedTables[table];
        const list = JSON.parse(json) as Array<Record<string, string>>;
        changedKeys.set(table, new Set(list.map((r) => String(r[key]))));
      }
    }
    // A row deleted and later re-created is answered as a change only.
    const deletes: Record<string, string[]> = {};
    if (!reset) {
      for (const t of await tombstones(tx, scope, cursor, until)) {
        if (changedKeys.get(t.feed)?.has(t.row_key)) continue;
        (deletes[t.feed] ??= []).push(t.row_key);
      }
    }
    const clients = await tx
      .selectFrom('sync_clients')
      .select(['client_id', 'last_mutation_id'])
      .where('account_id', '=', accountId)
      .execute();
    const lastMutationIds = Object.fromEntries(
      clients.map((c) => [c.client_id, c.last_mutation_id]),
    );
    const paging = more
      ? `,"more":true${reset ? `,"total":${await rowCount(tx, scope)}` : ''}`
      : '';
    return `{"cursor":${until},"reset":${reset},"changes":{${parts.join(',')}},"deletes":${JSON.stringify(
      deletes,
    )},"lastMutationIds":${JSON.stringify(lastMutationIds)}${paging}}`;
  });
}

/** Forgets tombstones at or below `seq` (default: older than `days` before `now`); older cursors then reset. */
export async function compactFeed(
  db: OrgStore,
  opts: { seq: number } | { now: number; days?: number },
): Promise<number> {
  return db.transaction().execute(async (tx) => {
    let upTo = 'seq' in opts ? opts.seq : undefined;
    if (!('seq' in opts)) {
      const before = new Date(opts.now - (opts.days ?? 30) * 86_400_000).toISOString();
      const row = await tx
        .selectFrom('sync_tombstones')
        .select((eb) => eb.fn.max('seq').as('seq'))
        .where('deleted_at', '<', before)
        .executeTakeFirst();
      upTo = row?.seq ?? undefined;
    }
    if (upTo === undefined || upTo === null) return 0;
    const gone = await tx.deleteFrom('sync_tombstones').where('seq', '<=', upTo).executeTakeFirst();
    await tx
      .updateTable('sync_state')
      .set((eb) => ({
        horizon: eb.case().when('horizon', '>', upTo).then(eb.ref('horizon')).else(upTo).end(),
      }))
      .where('id', '=', 1)
      .execute();
    return Number(gone.numDeletedRows);
  });
}
