// The audit log: every organization operation, who ran it, on what, when, and how it ended.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { AuditOperation } from '../../src-shared/cloud-api/org.ts';
import type { MutationResult } from '../../src-shared/org/mutations.ts';
import { dialectOf } from '../store/postgres.ts';
import type { OrgDB, OrgStore, OrgTx } from './tables.ts';

export interface AuditEntry {
  id: number;
  at: string;
  actorId: string;
  actorEmail: string;
  operation: string;
  target: string;
  /** The first few accounts the operation concerned, by email. */
  targetEmails: string[];
  /** How many accounts it concerned in all. */
  targetCount: number;
  outcome: 'accepted' | 'rejected' | 'partial';
  code: string | null;
  reason: string | null;
  via: 'rest' | 'mutation' | 'cli';
}

export interface AuditFilter {
  limit: number;
  /** Entries older than this entry id (paging). */
  before?: number;
  /** Part of an email, case-insensitive: the actor's or one of the targets'. */
  user?: string;
  operation?: AuditOperation;
}

/** The accounts an entry concerned (migration 003); kept beside the log, not in tables.ts. */
interface AuditSubjectsTable {
  audit_id: number;
  position: number;
  organization_id: string | null;
  email: string;
}
type Subjects = { audit_subjects: AuditSubjectsTable };
type SubjectsDB = Kysely<OrgDB & Subjects>;

/** Emails an entry answers with; the filter still finds every subject. */
const SHOWN_SUBJECTS = 3;
/** Ids per IN list, well under SQLite's bound-parameter limit. */
const CHUNK = 300;

type Outcome = Omit<MutationResult, 'id'>;

/** What the log says of an outcome: failed items are named with their reasons, up to a point. */
export function summarize(outcome: Outcome): Pick<AuditEntry, 'outcome' | 'code' | 'reason'> {
  const failed = (outcome.items ?? []).filter((i) => !i.ok);
  if (outcome.status === 'rejected')
    return {
      outcome: 'rejected',
      code: outcome.code ?? null,
      reason:
        failed.length > 1
          ? describeFailures(failed, outcome.items?.length ?? 0)
          : (outcome.message ?? null),
    };
  if (failed.length > 0)
    return {
      outcome: 'partial',
      code: null,
      reason: describeFailures(failed, outcome.items?.length ?? 0),
    };
  return { outcome: 'accepted', code: null, reason: null };
}

function describeFailures(failed: NonNullable<Outcome['items']>, total: number): string {
  const shown = failed
    .slice(0, 20)
    .map((i) => `${i.email ?? i.key}: ${i.message ?? i.code ?? 'failed'}`)
    .join('; ');
  const more = failed.length > 20 ? `; and ${failed.length - 20} more` : '';
  return `${failed.length} of ${total} failed: ${shown}${more}`;
}

function chunks<T>(list: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += CHUNK) out.push(list.slice(i, i + CHUNK));
  return out;
}

const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
const str = (v: unknown): string[] => (typeof v === 'string' ? [v] : []);

/**
 * The accounts an operation's arguments name, in the order named: users by id (userId, userIds,
 * fromUserId), invitees by email, and an invitation by its id (its addressee).
 */
type Named = { id: string } | { email: string } | { invitation: string };

function namedIn(args: unknown): Named[] {
  if (typeof args !== 'object' || args === null) return [];
  const a = args as Record<string, unknown>;
  const named: Named[] = [];
  for (const id of [...str(a.userId), ...strings(a.userIds), ...str(a.fromUserId)])
    named.push({ id });
  for (const email of str(a.email)) named.push({ email });
  if (Array.isArray(a.invitations))
    for (const i of a.invitations as unknown[])
      for (const email of str((i as { email?: unknown } | null)?.email)) named.push({ email });
  for (const invitation of str(a.invitationId)) named.push({ invitation });
  return named;
}

/**
 * Accounts (alias `a`) the organization may see named: its users, administrator, former users and
 * invitees. An id of anyone else is recorded as nothing, like an id that does not exist.
 */
function knownTo(organizationId: string | null) {
  const org = organizationId ?? '';
  return sql`a.id IN (SELECT account_id FROM memberships WHERE organization_id = ${org})
    OR a.id IN (SELECT administrator_id FROM organizations WHERE id = ${org})
    OR a.id IN (SELECT row_key FROM sync_tombstones WHERE feed = 'users' AND organization_id = ${org})
    OR a.email IN (SELECT email FROM invitations WHERE organization_id = ${org})`;
}

/**
 * Records an entry's subjects as emails, once each, numbered from 0 in the order named. One
 * statement resolves ids and invitations in SQLite: a batch names up to 10,000 users, and
 * building that many rows through the query builder cost half a second.
 */
async function writeSubjects(
  tx: OrgTx,
  auditId: number,
  organizationId: string | null,
  args: unknown,
): Promise<void> {
  const named = namedIn(args);
  if (named.length === 0) return;
  const list = JSON.stringify(named);
  // The named list as rows (pos, id, email, invitation), in each dialect's JSON functions.
  const rows =
    dialectOf(tx) === 'postgres'
      ? sql`SELECT e.n - 1 AS pos, e.v ->> 'id' AS id, e.v ->> 'email' AS email,
               e.v ->> 'invitation' AS invitation
        FROM json_array_elements(CAST(${list} AS json)) WITH ORDINALITY AS e(v, n)`
      : sql`SELECT key AS pos, value ->> '$.id' AS id, value ->> '$.email' AS email,
               value ->> '$.invitation' AS invitation
        FROM json_each(${list})`;
  await sql`
    INSERT INTO audit_subjects (audit_id, position, organization_id, email)
    SELECT CAST(${auditId} AS INTEGER), row_number() OVER (ORDER BY first) - 1,
      CAST(${organizationId} AS TEXT), email
    FROM (
      SELECT lower(coalesce(n.email, a.email, i.email)) AS email, min(n.pos) AS first
      FROM (${rows}) n
      LEFT JOIN accounts a ON a.id = n.id AND (${knownTo(organizationId)})
      LEFT JOIN invitations i ON i.id = n.invitation AND i.organization_id = ${organizationId ?? ''}
      WHERE coalesce(n.email, a.email, i.email) IS NOT NULL
      GROUP BY 1
    ) s`.execute(tx);
}

export async function writeAudit(
  tx: OrgTx,
  e: {
    organizationId: string | null;
    actorId: string;
    actorEmail: string;
    operation: string;
    target: string;
    via: AuditEntry['via'];
    at: string;
    outcome: Outcome;
    /** The operation's arguments, whose accounts the user filter finds the entry by. */
    args?: unknown;
  },
): Promise<void> {
  const { id } = await tx
    .insertInto('audit_log')
    .values({
      id: undefined,
      organization_id: e.organizationId,
      actor_id: e.actorId,
      actor_email: e.actorEmail,
      operation: e.operation,
      target: e.target.slice(0, 500),
      via: e.via,
      at: e.at,
      ...summarize(e.outcome),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await writeSubjects(tx, id as number, e.organizationId, e.args);
}

/**
 * The organization's log, newest first, `limit` entries before the entry id `before`, narrowed
 * by operation (its own index) and by a part of an email found in the actor or the subjects
 * (the organization's range of the subjects index, read once per query).
 */
export async function listAudit(db: OrgStore, organizationId: string, f: AuditFilter) {
  const sdb = db.withTables<Subjects>();
  let q = sdb
    .selectFrom('audit_log')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .orderBy('id', 'desc')
    .limit(f.limit);
  if (f.before !== undefined) q = q.where('id', '<', f.before);
  if (f.operation !== undefined) q = q.where('operation', '=', f.operation);
  const part = f.user?.trim().toLowerCase();
  const instr = sql.raw(dialectOf(db) === 'postgres' ? 'strpos' : 'instr');
  if (part) {
    q = q.where((eb) =>
      eb.or([
        eb(sql<number>`${instr}(lower(actor_email), ${part})`, '>', 0),
        eb(
          'id',
          'in',
          eb
            .selectFrom('audit_subjects')
            .select('audit_id')
            .where('audit_subjects.organization_id', '=', organizationId)
            .where(sql<number>`${instr}(audit_subjects.email, ${part})`, '>', 0),
        ),
      ]),
    );
  }
  const rows = await q.execute();
  const subjects = await pageSubjects(
    sdb,
    rows.map((r) => r.id as number),
  );
  return rows.map((r): AuditEntry => ({
    id: r.id as number,
    at: r.at,
    actorId: r.actor_id,
    actorEmail: r.actor_email,
    operation: r.operation,
    target: r.target,
    targetEmails: subjects.shown.get(r.id as number) ?? [],
    targetCount: subjects.count.get(r.id as number) ?? 0,
    outcome: r.outcome,
    code: r.code,
    reason: r.reason,
    via: r.via,
  }));
}

/** The first subjects of each entry on the page, and how many each has. */
async function pageSubjects(db: SubjectsDB, ids: number[]) {
  const shown = new Map<number, string[]>();
  const count = new Map<number, number>();
  if (ids.length === 0) return { shown, count };
  for (const part of chunks(ids)) {
    const first = await db
      .selectFrom('audit_subjects')
      .select(['audit_id', 'email'])
      .where('audit_id', 'in', part)
      .where('position', '<', SHOWN_SUBJECTS)
      .orderBy('audit_id')
      .orderBy('position')
      .execute();
    for (const r of first) {
      const list = shown.get(r.audit_id);
      if (list) list.push(r.email);
      else shown.set(r.audit_id, [r.email]);
    }
    // Positions are dense from 0, so the last one counts them without reading every row.
    const last = await db
      .selectFrom('audit_subjects')
      .select(['audit_id', (eb) => eb.fn.max('position').as('last')])
      .where('audit_id', 'in', part)
      .groupBy('audit_id')
      .execute();
    for (const r of last) count.set(r.audit_id, Number(r.last) + 1);
  }
  return { shown, count };
}
