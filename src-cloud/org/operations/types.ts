// The shape every organization operation shares, whether a REST route or a pushed mutation runs it.
import type { ItemResult, MutationResult } from '../../../src-shared/org/mutations.ts';
import type { RuleResult } from '../../../src-shared/org/model.ts';
import type { Actor, OrgRef } from '../actor.ts';
import type { Notes } from '../notify.ts';
import type { OrgTx } from '../tables.ts';

/** A mutation's answer without its id. `rejected` always means nothing was written. */
export type Outcome = Omit<MutationResult, 'id'>;

export interface OpContext {
  tx: OrgTx;
  actor: Actor;
  now: string;
  notes: Notes;
  /** The organization whose audit log records the operation (the invitation's for an invitee). */
  auditOrganizationId: string | null;
}

/** The context of an admin operation: the organization the actor administers. */
export interface AdminContext extends OpContext {
  org: OrgRef;
}

/** Only the organization's administrator may run an admin operation. */
export type Operation<A> =
  | { admin: true; target(args: A): string; run(c: AdminContext, args: A): Promise<Outcome> }
  | { admin: false; target(args: A): string; run(c: OpContext, args: A): Promise<Outcome> };

export function accepted(value?: Record<string, unknown>, items?: ItemResult[]): Outcome {
  return { status: 'accepted', ...(value ? { value } : {}), ...(items ? { items } : {}) };
}

export function rejectedBy(rule: Extract<RuleResult, { ok: false }>): Outcome {
  return { status: 'rejected', code: rule.code, message: rule.message };
}

/** A batch is accepted when any item applied; otherwise rejected with its first failure. */
export function batchOutcome(items: ItemResult[], value?: Record<string, unknown>): Outcome {
  if (items.some((i) => i.ok)) return accepted(value, items);
  const first = items[0];
  return {
    status: 'rejected',
    code: first?.code ?? 'rejected',
    message: first?.message ?? 'Nothing was applied',
    items,
  };
}

export function fail(
  key: string,
  rule: Extract<RuleResult, { ok: false }>,
  email?: string,
): ItemResult {
  return { key, ...(email ? { email } : {}), ok: false, code: rule.code, message: rule.message };
}

/** Splits a list for `IN (...)` queries, below SQLite's parameter limit. */
export function chunks<T>(list: readonly T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}
