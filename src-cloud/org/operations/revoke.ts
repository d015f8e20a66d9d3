// Revoke a product from users: every seat of that product on a user goes together (docs/sources.md,
// Portal guide §XIX), and a borrowed one blocks it (docs/sources.md, Portal guide §XXIII).
import type { ItemResult, MutationArgs } from '../../../src-shared/org/mutations.ts';
import { itemKey } from '../../../src-shared/org/item-key.ts';
import * as notices from '../../../src-shared/org/notices.ts';
import { checkRevoke } from '../../../src-shared/org/rules/revoke.ts';
import { borrowedSeats, emailsOf, orgUsers } from './facts.ts';
import { batchOutcome, fail, type AdminContext, type Operation, type Outcome } from './types.ts';

async function productName(c: AdminContext, code: string): Promise<string> {
  const p = await c.tx
    .selectFrom('products')
    .select('name')
    .where('code', '=', code)
    .executeTakeFirst();
  return p?.name ?? code;
}

/** Checks and applies one (user, product) revoke; answers the item's result. */
async function revokeOne(
  c: AdminContext,
  userId: string,
  productCode: string,
  name: string,
  user: { accountId: string; email: string } | undefined,
  email: string,
  borrowed: Map<string, number> | undefined,
): Promise<ItemResult> {
  const key = itemKey(userId, productCode);
  const held = user
    ? await c.tx
        .selectFrom('assignments as s')
        .innerJoin('purchases as p', 'p.id', 's.purchase_id')
        .select(['s.id', 's.purchase_id', 's.quantity', 'p.term'])
        .where('s.organization_id', '=', c.org.id)
        .where('s.account_id', '=', userId)
        .where('p.product_code', '=', productCode)
        .execute()
    : [];
  const rule = checkRevoke({
    email,
    inOrganization: user !== undefined,
    productName: name,
    assignments: held.map((h) => ({
      term: h.term,
      seats: h.quantity,
      borrowedSeats: borrowed?.get(h.purchase_id) ?? 0,
    })),
  });
  if (!rule.ok || !user) return rule.ok ? { key, email, ok: false } : fail(key, rule, email);
  await c.tx
    .deleteFrom('assignments')
    .where(
      'id',
      'in',
      held.map((h) => h.id),
    )
    .execute();
  const seats = held.reduce((n, h) => n + h.quantity, 0);
  c.notes.add(
    user,
    notices.productRevoked({ product: name, quantity: seats, organization: c.org.name }),
  );
  return { key, email, ok: true };
}

/** One product from one user reads as before in the activity log (src-main/activity/describe.ts). */
function revokeTarget(a: MutationArgs<'revoke'>): string {
  const [user] = a.userIds;
  const [code] = a.productCodes;
  return a.userIds.length === 1 && a.productCodes.length === 1
    ? `${code} from ${user}`
    : `${a.productCodes.length} product(s) from ${a.userIds.length} user(s)`;
}

export const revoke: Operation<MutationArgs<'revoke'>> = {
  admin: true,
  target: revokeTarget,
  async run(c, { userIds, productCodes }): Promise<Outcome> {
    const users = await orgUsers(c, userIds);
    const emails = await emailsOf(
      c,
      userIds.filter((id) => !users.has(id)),
    );
    const borrowed = await borrowedSeats(c, userIds);
    const items: ItemResult[] = [];
    for (const code of [...new Set(productCodes)]) {
      const name = await productName(c, code);
      for (const userId of [...new Set(userIds)]) {
        const user = users.get(userId);
        const email = user?.email ?? emails.get(userId) ?? userId;
        items.push(await revokeOne(c, userId, code, name, user, email, borrowed.get(userId)));
      }
    }
    const done = items.filter((i) => i.ok).length;
    return batchOutcome(items, { revoked: done, failed: items.length - done });
  },
};
