// The audit log: every organization operation, who ran it, on what, when, and how it ended.
import type { MutationResult } from '../../src-shared/org/mutations.ts';
import type { OrgStore, OrgTx } from './tables.ts';

export interface AuditEntry {
  id: number;
  at: string;
  actorId: string;
  actorEmail: string;
  operation: string;
  target: string;
  outcome: 'accepted' | 'rejected' | 'partial';
  code: string | null;
  reason: string | null;
  via: 'rest' | 'mutation' | 'cli';
}

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
  },
): Promise<void> {
  await tx
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
    .execute();
}

/** The organization's log, newest first, `limit` entries before the entry id `before`. */
export async function listAudit(
  db: OrgStore,
  organizationId: string,
  limit: number,
  before?: number,
): Promise<AuditEntry[]> {
  let q = db
    .selectFrom('audit_log')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .orderBy('id', 'desc')
    .limit(limit);
  if (before !== undefined) q = q.where('id', '<', before);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id as number,
    at: r.at,
    actorId: r.actor_id,
    actorEmail: r.actor_email,
    operation: r.operation,
    target: r.target,
    outcome: r.outcome,
    code: r.code,
    reason: r.reason,
    via: r.via,
  }));
}
