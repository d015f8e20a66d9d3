// Assignment pre-checks against the replica (docs/sources.md, Portal guide §XIII–XVI): the shared
// rules per user and purchase, the optimistic assignment rows, and the seats taken from a source
// user when re-allocating.
import { randomUUID } from 'node:crypto';
import type { AssignmentRow, PurchaseRow } from '../../src-shared/cloud-api/sync.ts';
import type { QueuedChange } from '../../src-shared/domain/org.ts';
import { itemKey } from '../../src-shared/org/item-key.ts';
import type { RuleResult } from '../../src-shared/org/model.ts';
import type { MutationArgs } from '../../src-shared/org/mutations.ts';
import { checkAssign, splitSeats } from '../../src-shared/org/rules/assign.ts';
import type { Effect } from '../store/org-store.ts';
import type { OrgSnapshot } from './state.ts';

export type Failure = QueuedChange['failed'][number];

export interface AssignFacts {
  now: string;
  productName: (code: string) => string;
  borrowedSeats: (userId: string, now: string, purchaseId?: string) => number;
}

/** What passed the pre-check, what did not (with the shared rule's reason), and its effects. */
export interface AssignPlan<A> {
  args: A;
  /** Items that passed the pre-check; the mutation is not queued when there are none. */
  count: number;
  description: string;
  effects: Effect[];
  failed: Failure[];
}

export function failure(key: string, r: RuleResult, email?: string): Failure {
  const f = r as Extract<RuleResult, { ok: false }>;
  return { key, ...(email ? { email } : {}), code: f.code, message: f.message };
}

/** What the assignment rule knows of a purchase (null: it does not exist here). */
function purchaseFacts(p: PurchaseRow | undefined, productName: string, assignedSeats: number) {
  return p
    ? { productName, term: p.term, expiresAt: p.expiresAt, quantity: p.quantity, assignedSeats }
    : null;
}

function seatsTaken(s: OrgSnapshot, purchaseId: string): number {
  let n = 0;
  for (const a of s.assignments.values()) if (a.purchaseId === purchaseId) n += a.quantity;
  return n;
}

function assignmentRow(
  p: { id: string; productCode: string; term: string; expiresAt: string | null },
  userId: string,
  quantity: number,
  now: string,
): Effect {
  const row: AssignmentRow = {
    id: `local:${randomUUID()}`,
    purchaseId: p.id,
    userId,
    productCode: p.productCode,
    term: p.term,
    expiresAt: p.expiresAt,
    quantity,
    assignedAt: now,
  };
  return { tbl: 'assignments', key: row.id, data: row };
}

/**
 * "Allocate product to user" and the legacy one-purchase bulk: `quantity` seats (one each in
 * bulk), re-allocated from `fromUserId` when no seat of the purchase is free.
 */
export function planAssign(
  s: OrgSnapshot,
  f: AssignFacts,
  userIds: string[],
  purchaseId: string,
  quantity = 1,
  fromUserId?: string,
): { ok: string[]; plan: Omit<AssignPlan<null>, 'args'> } {
  const { now } = f;
  const p = s.purchases.get(purchaseId);
  const name = p ? f.productName(p.productCode) : purchaseId;
  let assignedSeats = seatsTaken(s, purchaseId);
  const ok: string[] = [];
  const failed: Failure[] = [];
  const effects: Effect[] = [];
  const single = userIds.length === 1;
  for (const id of userIds) {
    const u = s.users.get(id);
    const q = single ? quantity : 1;
    const from = single && fromUserId ? s.users.get(fromUserId) : undefined;
    const fromSeats = (s.byUser.get(fromUserId ?? '') ?? []).filter(
      (a) => a.purchaseId === purchaseId,
    );
    const facts = purchaseFacts(p, name, assignedSeats);
    const r = checkAssign({
      target: { accountId: id, email: u?.email ?? id, inOrganization: !!u },
      purchase: facts,
      quantity: q,
      from:
        single && fromUserId
          ? {
              accountId: fromUserId,
              email: from?.email ?? fromUserId,
              inOrganization: !!from,
              assignedSeats: fromSeats.reduce((n, a) => n + a.quantity, 0),
              borrowedSeats: f.borrowedSeats(fromUserId, now, purchaseId),
            }
          : null,
      now,
    });
    if (!r.ok || !p || !facts) {
      failed.push(failure(itemKey(id, purchaseId), r, u?.email));
      continue;
    }
    ok.push(id);
    const { fromFree, fromUser } = splitSeats(q, facts);
    assignedSeats += fromFree;
    effects.push(assignmentRow(p, id, q, now));
    let left = fromUser;
    for (const a of fromSeats) {
      if (left <= 0) break;
      const take = Math.min(left, a.quantity);
      left -= take;
      const rest = a.quantity - take;
      const { pending: _p, ...base } = a;
      void _p;
      effects.push({
        tbl: 'assignments',
        key: a.id,
        data: rest > 0 ? { ...base, quantity: rest } : null,
      });
    }
  }
  const who = single
    ? (s.users.get(userIds[0] as string)?.email ?? userIds[0])
    : `${ok.length} users`;
  return {
    ok,
    plan: { count: ok.length, description: `Assign ${name} to ${who}`, effects, failed },
  };
}

/**
 * Bulk assignment (docs/sources.md, Portal guide §XIV): one seat of every purchase for every user,
 * checked in the order the cloud applies them (purchase by purchase, users in order), so free seats
 * run out alike. Failures are keyed by user and purchase (src-shared/org/item-key.ts), as the cloud
 * keys its per-item results. The mutation carries the
 * users and purchases with at least one item that passed; the cloud checks every item again.
 */
export function planAssignMany(
  s: OrgSnapshot,
  f: AssignFacts,
  userIds: string[],
  purchaseIds: string[],
): AssignPlan<MutationArgs<'assign'>> {
  const users = [...new Set(userIds)];
  const purchases = [...new Set(purchaseIds)];
  const failed: Failure[] = [];
  const effects: Effect[] = [];
  const okUsers = new Set<string>();
  const okPurchases = new Set<string>();
  const names: string[] = [];
  for (const purchaseId of purchases) {
    const p = s.purchases.get(purchaseId);
    const name = p ? f.productName(p.productCode) : purchaseId;
    names.push(name);
    let assignedSeats = seatsTaken(s, purchaseId);
    for (const id of users) {
      const u = s.users.get(id);
      const r = checkAssign({
        target: { accountId: id, email: u?.email ?? id, inOrganization: !!u },
        purchase: purchaseFacts(p, name, assignedSeats),
        quantity: 1,
        from: null,
        now: f.now,
      });
      if (!r.ok || !p) {
        failed.push(failure(itemKey(id, purchaseId), r, u?.email));
        continue;
      }
      assignedSeats += 1;
      okUsers.add(id);
      okPurchases.add(purchaseId);
      effects.push(assignmentRow(p, id, 1, f.now));
    }
  }
  const what = names.length === 1 ? names[0] : `${names.length} products`;
  return {
    args: { userIds: [...okUsers], purchaseIds: [...okPurchases] },
    count: effects.length,
    description: `Assign ${what} to ${users.length === 1 ? (s.users.get(users[0] as string)?.email ?? users[0]) : `${users.length} users`}`,
    effects,
    failed,
  };
}
