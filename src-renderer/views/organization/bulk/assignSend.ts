// Sends the assignment wizard's plan, and only what can succeed: a purchase with a seat for
// everyone goes to every chosen user (one change for all such purchases); a purchase short of
// seats goes only to the users its free seats reach, in order, and the rest are not sent — they
// are listed in the result with the seat count and a way to re-allocate a seat from another user
// (seed 000 §XIII NB; docs/interface.md, No doomed buttons).
import type { OrgPurchaseRow, OrgUserRow } from '../../../../src-shared/domain/org.ts';
import { notSentNoSeat } from '../../../../src-shared/org/messages.ts';
import { freeOf, withoutSeat } from './assignPlan.ts';
import { send, type SentChange } from './changes.ts';

/** How many of the users get at least one seat: the button's "Assign to N users". */
export function usersReached(planned: OrgPurchaseRow[], users: OrgUserRow[]): number {
  return Math.min(users.length, Math.max(0, ...planned.map(freeOf)));
}

const withPurchase = (purchaseId: string) => (k: string) =>
  k.includes(':') ? k : `${k}:${purchaseId}`;

async function sendAll(full: OrgPurchaseRow[], users: OrgUserRow[]): Promise<SentChange> {
  const keys = full.flatMap((p) => users.map((u) => ({ key: `${u.id}:${p.id}`, email: u.email })));
  // With one purchase refusals are keyed by user alone (pre-check and cloud alike).
  const single = full.length === 1 ? full[0]?.id : undefined;
  const pair = (k: string) => (k.includes(':') || !single ? k : `${k}:${single}`);
  const change = await send(
    'org.assignMany',
    { userIds: users.map((u) => u.id), purchaseIds: full.map((p) => p.id) },
    keys,
    undefined,
    pair,
  );
  const refused = new Set(change.local.map((f) => f.key));
  const left = full.filter((p) => users.some((u) => !refused.has(`${u.id}:${p.id}`)));
  const sole = single ?? (left.length === 1 ? left[0]?.id : undefined);
  return { ...change, keyOf: (k) => (k.includes(':') || !sole ? k : `${k}:${sole}`) };
}

export async function sendAssignments(
  planned: OrgPurchaseRow[],
  users: OrgUserRow[],
): Promise<SentChange[]> {
  const full = planned.filter((p) => freeOf(p) >= users.length);
  const sent: SentChange[] = [];
  if (full.length > 0) sent.push(await sendAll(full, users));
  for (const p of planned.filter((x) => freeOf(x) < users.length)) {
    const getting = users.slice(0, freeOf(p));
    const keyOf = withPurchase(p.id);
    if (getting.length > 0)
      sent.push({
        ...(await send(
          'org.assignMany',
          { userIds: getting.map((u) => u.id), purchaseIds: [p.id] },
          getting.map((u) => ({ key: `${u.id}:${p.id}`, email: u.email })),
          undefined,
          keyOf,
        )),
        keyOf,
      });
    const left = withoutSeat(p, users).map((u) => ({ key: `${u.id}:${p.id}`, email: u.email }));
    const reason = notSentNoSeat(p.productName, freeOf(p), users.length);
    sent.push({
      mutationId: null,
      keys: left,
      local: left.map((k) => ({ ...k, code: 'no_free_seats', message: reason })),
    });
  }
  return sent;
}
