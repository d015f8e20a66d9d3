// Sends the assignment wizard's plan, and only what can succeed: a purchase with a seat for
// everyone goes to every chosen user (one change for all such purchases); a purchase short of
// seats goes only to the users its free seats reach, in order, and the rest are not sent — they
// are listed in the result with the seat count and a way to re-allocate a seat from another user
// (docs/sources.md, Portal guide §XIII NB; docs/interface.md, No doomed buttons).
import type { OrgPurchaseRow, OrgUserRow } from '../../../../src-shared/domain/org.ts';
import { notSentNoSeat } from '../../../../src-shared/org/messages.ts';
import { freeOf, withoutSeat } from './assignPlan.ts';
import { itemKey } from '../../../../src-shared/org/item-key.ts';
import { send, type SentChange } from '../changes/send.ts';

/** How many of the users get at least one seat: the button's "Assign to N users". */
export function usersReached(planned: OrgPurchaseRow[], users: OrgUserRow[]): number {
  return Math.min(users.length, Math.max(0, ...planned.map(freeOf)));
}

/** The items of one purchase for these users, keyed as the pre-check and the cloud key them. */
const itemsOf = (p: OrgPurchaseRow, users: OrgUserRow[]) =>
  users.map((u) => ({ key: itemKey(u.id, p.id), email: u.email }));

function sendAll(full: OrgPurchaseRow[], users: OrgUserRow[]): Promise<SentChange> {
  return send(
    'org.assignMany',
    { userIds: users.map((u) => u.id), purchaseIds: full.map((p) => p.id) },
    { keys: full.flatMap((p) => itemsOf(p, users)) },
  );
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
    if (getting.length > 0)
      sent.push(
        await send(
          'org.assignMany',
          { userIds: getting.map((u) => u.id), purchaseIds: [p.id] },
          { keys: itemsOf(p, getting) },
        ),
      );
    const left = itemsOf(p, withoutSeat(p, users));
    const reason = notSentNoSeat(p.productName, freeOf(p), users.length);
    sent.push({
      mutationId: null,
      message: reason,
      keys: left,
      failed: left.map((k) => ({ ...k, code: 'no_free_seats', message: reason })),
    });
  }
  return sent;
}
