// Remove users (single or batch): assigned or borrowed products block; credit access is disabled.
import { itemKey } from '../../../src-shared/org/item-key.ts';
import type { ItemResult, MutationArgs } from '../../../src-shared/org/mutations.ts';
import * as notices from '../../../src-shared/org/notices.ts';
import { checkRemove } from '../../../src-shared/org/rules/remove.ts';
import { assignedSeats, borrowedSeats, emailsOf, orgUsers, total } from './facts.ts';
import { batchOutcome, chunks, fail, type Operation } from './types.ts';

export const removeUsers: Operation<MutationArgs<'removeUsers'>> = {
  admin: true,
  target: (a) => (a.userIds.length === 1 ? (a.userIds[0] ?? '') : `${a.userIds.length} users`),
  async run(c, { userIds }) {
    const users = await orgUsers(c, userIds);
    const others = await emailsOf(
      c,
      userIds.filter((id) => !users.has(id)),
    );
    const seats = await assignedSeats(c, userIds);
    const borrows = await borrowedSeats(c, userIds);
    const items: ItemResult[] = [];
    const removed: string[] = [];
    const seen = new Set<string>();
    for (const id of userIds) {
      const user = users.get(id);
      const email = user?.email ?? others.get(id) ?? id;
      const rule = checkRemove({
        email,
        inOrganization: user !== undefined && !seen.has(id),
        isAdministrator: id === c.org.administratorId,
        assignedSeats: seats.get(id) ?? 0,
        borrowedSeats: total(borrows.get(id)),
      });
      if (!rule.ok) {
        items.push(fail(itemKey(id), rule, email));
        continue;
      }
      seen.add(id);
      removed.push(id);
      items.push({ key: itemKey(id), email, ok: true });
      if (user) c.notes.add(user, notices.userRemoved({ organization: c.org.name }));
    }
    for (const part of chunks(removed)) {
      // Cloud-credit access never blocks removal and ends with it (docs/sources.md, Portal guide
      // §VI).
      await c.tx
        .deleteFrom('credit_access')
        .where('organization_id', '=', c.org.id)
        .where('account_id', 'in', part)
        .execute();
      await c.tx
        .deleteFrom('memberships')
        .where('organization_id', '=', c.org.id)
        .where('account_id', 'in', part)
        .execute();
    }
    return batchOutcome(items, { removed: removed.length, failed: items.length - removed.length });
  },
};
