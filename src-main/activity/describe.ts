// Turns a cloud audit entry into the Activity view's words: whom it concerned and what was set.
import type { AuditEntry } from '../../src-shared/cloud-api/org.ts';
import { operationLabel, type ActivityEntry } from '../../src-shared/domain/activity.ts';

/** What the replica can name: accounts by email, purchases and products by id/code. */
export interface Names {
  person(email: string): string | null;
  purchase(purchaseId: string): string | null;
  product(productCode: string): string | null;
}

/** "a@x", "a@x, b@x", or "a@x, b@x and 8 more" when the entry concerned many. */
function targetOf(e: AuditEntry): string {
  if (e.targetEmails.length === 0) return e.target;
  const more = e.targetCount - e.targetEmails.length;
  return more > 0 ? `${e.targetEmails.join(', ')} and ${more} more` : e.targetEmails.join(', ');
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * What the entry set or moved, read from the cloud's target text (see the `target` of each
 * operation in src-cloud/org/operations); null when there is nothing more than the target.
 */
function detailOf(e: AuditEntry, names: Names): string | null {
  const t = e.target;
  let m: RegExpExecArray | null;
  switch (e.operation) {
    case 'invite':
      m = / as (member|guest)$/.exec(t);
      return m ? `as ${m[1] === 'member' ? 'Member' : 'Guest'}` : null;
    case 'setCreditAccess': {
      m = /^(.*) for /.exec(t);
      const access = m?.[1] ?? '';
      if (access === 'disabled') return 'Disabled';
      if (access === 'unlimited') return 'Unlimited';
      const limit = /^limit (.+)$/.exec(access);
      return limit ? `${limit[1]} credits` : null;
    }
    case 'assignProduct':
      m = /^(\d+) seat\(s\) of (\S+) to /.exec(t);
      if (!m) return null;
      return `${plural(Number(m[1]), 'seat', 'seats')} of ${names.purchase(m[2] ?? '') ?? m[2]}`;
    case 'revokeProduct':
      m = /^(\S+) from /.exec(t);
      return m ? (names.product(m[1] ?? '') ?? m[1] ?? null) : null;
    case 'assignProducts':
    case 'revokeProducts':
      m = /^(\d+) product\(s\)/.exec(t);
      return m ? plural(Number(m[1]), 'product', 'products') : null;
    default:
      return null;
  }
}

export function describeEntry(e: AuditEntry, names: Names): ActivityEntry {
  return {
    id: e.id,
    at: e.at,
    actorEmail: e.actorEmail,
    actorName: names.person(e.actorEmail),
    operation: e.operation,
    operationLabel: operationLabel(e.operation),
    target: targetOf(e),
    detail: detailOf(e, names),
    outcome: e.outcome,
    reason: e.reason,
  };
}
