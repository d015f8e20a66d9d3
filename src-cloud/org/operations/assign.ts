// Assign seats of an organization purchase to users, re-allocating from another user when every
// seat is taken (docs/sources.md, Portal guide §XII–XVI); bulk assign gives each selected user one
// seat of each purchase.
import type { ItemResult, MutationArgs } from '../../../src-shared/org/mutations.ts';
import { itemKey } from '../../../src-shared/org/item-key.ts';
import * as notices from '../../../src-shared/org/notices.ts';
import { checkAssign, splitSeats } from '../../../src-shared/org/rules/assign.ts';
import { newId } from '../../ids.ts';
import { borrowedSeats, emailsOf, orgUsers } from './facts.ts';
import { batchOutcome, fail, type AdminContext, type Operation } from './types.ts';

interface PurchaseState {
  id: string;
  productCode: string;
  productName: string;
  term: string;
  expiresAt: string | null;
  quantity: number;
  assignedSeats: number;
  /** Seats per user, kept current while a batch applies. */
  perUser: Map<string, { id: string; quantity: number }>;
}

async function loadPurchase(c: AdminContext, purchaseId: string): Promise<PurchaseState | null> {
  const p = await c.tx
    .selectFrom('purchases as p')
    .innerJoin('products as pr', 'pr.code', 'p.product_code')
    .select(['p.id', 'p.product_code', 'pr.name', 'p.term', 'p.expires_at', 'p.quantity'])
    .where('p.id', '=', purchaseId)
    .where('p.account_id', '=', c.org.administratorId)
    .executeTakeFirst();
  if (!p) return null;
  const rows = await c.tx
    .selectFrom('assignments')
    .select(['id', 'account_id', 'quantity'])
    .where('purchase_id', '=', p.id)
    .execute();
  const perUser = new Map(rows.map((r) => [r.account_id, { id: r.id, quantity: r.quantity }]));
  return {
    id: p.id,
    productCode: p.product_code,
    productName: p.name,
    term: p.term,
    expiresAt: p.expires_at,
    quantity: p.quantity,
    assignedSeats: rows.reduce((n, r) => n + r.quantity, 0),
    perUser,
  };
}

/** Moves `quantity` seats to `userId`: free seats first, the rest from `fromId`. */
async function give(
  c: AdminContext,
  p: PurchaseState,
  target: { accountId: string; email: string },
  quantity: number,
  from: { accountId: string; email: string } | null,
): Promise<string> {
  const { fromUser } = splitSeats(quantity, p);
  if (fromUser > 0 && from) {
    const held = p.perUser.get(from.accountId);
    if (!held) throw new Error('re-allocation source has no seats');
    const left = held.quantity - fromUser;
    if (left > 0) {
      await c.tx
        .updateTable('assignments')
        .set({ quantity: left })
        .where('id', '=', held.id)
        .execute();
      p.perUser.set(from.accountId, { id: held.id, quantity: left });
    } else {
      await c.tx.deleteFrom('assignments').where('id', '=', held.id).execute();
      p.perUser.delete(from.accountId);
    }
    p.assignedSeats -= fromUser;
    c.notes.add(
      from,
      notices.productRevoked({
        product: p.productName,
        quantity: fromUser,
        organization: c.org.name,
      }),
    );
  }
  const mine = p.perUser.get(target.accountId);
  let id: string;
  if (mine) {
    id = mine.id;
    await c.tx
      .updateTable('assignments')
      .set({ quantity: mine.quantity + quantity, assigned_at: c.now })
      .where('id', '=', id)
      .execute();
    p.perUser.set(target.accountId, { id, quantity: mine.quantity + quantity });
  } else {
    id = newId('asg');
    await c.tx
      .insertInto('assignments')
      .values({
        id,
        organization_id: c.org.id,
        purchase_id: p.id,
        account_id: target.accountId,
        quantity,
        assigned_at: c.now,
      })
      .execute();
    p.perUser.set(target.accountId, { id, quantity });
  }
  p.assignedSeats += quantity;
  c.notes.add(
    target,
    notices.productAssigned({ product: p.productName, quantity, organization: c.org.name }),
  );
  return id;
}

/** One user × one purchase reads as before in the activity log (src-main/activity/describe.ts). */
function assignTarget(a: MutationArgs<'assign'>): string {
  const [user] = a.userIds;
  const [purchase] = a.purchaseIds;
  if (a.userIds.length !== 1 || a.purchaseIds.length !== 1)
    return `${a.purchaseIds.length} product(s) to ${a.userIds.length} user(s)`;
  const from = a.fromUserId ? ` from ${a.fromUserId}` : '';
  return `${a.quantity ?? 1} seat(s) of ${purchase} to ${user}${from}`;
}

/** The source user's seats of the purchase for a re-allocation (§XV), as the rule reads them. */
async function sourceFacts(
  c: AdminContext,
  p: PurchaseState | null,
  fromUserId: string,
  user: { email: string } | undefined,
  email: string | undefined,
) {
  const borrowed = (await borrowedSeats(c, [fromUserId])).get(fromUserId);
  return {
    accountId: fromUserId,
    email: user?.email ?? email ?? fromUserId,
    inOrganization: user !== undefined,
    assignedSeats: p?.perUser.get(fromUserId)?.quantity ?? 0,
    borrowedSeats: p ? (borrowed?.get(p.id) ?? 0) : 0,
  };
}

export const assign: Operation<MutationArgs<'assign'>> = {
  admin: true,
  target: assignTarget,
  async run(c, args) {
    // quantity and fromUserId come with one user and one purchase (checked at the door,
    // src-shared/org/legacy-mutations.ts readMutation).
    const single = args.userIds.length === 1 && args.purchaseIds.length === 1;
    const from = args.fromUserId;
    const ids = [...new Set([...args.userIds, ...(from ? [from] : [])])];
    const users = await orgUsers(c, ids);
    const emails = await emailsOf(
      c,
      ids.filter((id) => !users.has(id)),
    );
    const fromUser = from ? users.get(from) : undefined;
    const items: ItemResult[] = [];
    for (const purchaseId of [...new Set(args.purchaseIds)]) {
      const p = await loadPurchase(c, purchaseId);
      const source = from ? await sourceFacts(c, p, from, fromUser, emails.get(from)) : null;
      for (const userId of args.userIds) {
        const user = users.get(userId);
        const email = user?.email ?? emails.get(userId) ?? userId;
        const key = itemKey(userId, purchaseId);
        const quantity = args.quantity ?? 1;
        const rule = checkAssign({
          target: { accountId: userId, email, inOrganization: user !== undefined },
          purchase: p,
          quantity,
          from: source,
          now: c.now,
        });
        if (!rule.ok || !p || !user) {
          if (!rule.ok) items.push(fail(key, rule, email));
          continue;
        }
        const id = await give(c, p, user, quantity, fromUser ?? null);
        items.push({ key, email, ok: true, id });
      }
    }
    const done = items.filter((i) => i.ok).length;
    const made = single && items[0]?.ok ? { assignmentId: items[0].id } : {};
    return batchOutcome(items, { ...made, assigned: done, failed: items.length - done });
  },
};
