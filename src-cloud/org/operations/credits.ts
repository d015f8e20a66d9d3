// Organizational cloud-credit access (single or bulk) and members' requests for more credits.
import { itemKey } from '../../../src-shared/org/item-key.ts';
import type { ItemResult, MutationArgs } from '../../../src-shared/org/mutations.ts';
import * as notices from '../../../src-shared/org/notices.ts';
import {
  checkRequestCredits,
  checkSetCreditAccess,
} from '../../../src-shared/org/rules/credits.ts';
import { emailsOf, orgUsers } from './facts.ts';
import { accepted, batchOutcome, chunks, fail, rejectedBy, type Operation } from './types.ts';

const milli = (credits: number) => Math.round(credits * 1000);

export const setCreditAccess: Operation<MutationArgs<'setCreditAccess'>> = {
  admin: true,
  target: (a) =>
    `${a.access.mode === 'limit' ? `limit ${a.access.limit}` : a.access.mode} for ${a.userIds.length === 1 ? a.userIds[0] : `${a.userIds.length} users`}`,
  async run(c, { userIds, access }) {
    const users = await orgUsers(c, userIds);
    const emails = await emailsOf(
      c,
      userIds.filter((id) => !users.has(id)),
    );
    // Guests consume from one pool at a time: active personal credits keep them off the pool.
    const withCredits = new Set<string>();
    const guests = [...users.values()].filter((u) => u.role === 'guest').map((u) => u.accountId);
    for (const part of chunks(guests)) {
      const rows = await c.tx
        .selectFrom('credit_lots')
        .select('account_id')
        .distinct()
        .where('account_id', 'in', part)
        .where('remaining_milli', '>', 0)
        .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', c.now)]))
        .execute();
      for (const r of rows) withCredits.add(r.account_id);
    }
    const items: ItemResult[] = [];
    const apply: string[] = [];
    for (const id of [...new Set(userIds)]) {
      const user = users.get(id);
      const email = user?.email ?? emails.get(id) ?? id;
      const rule = checkSetCreditAccess(
        {
          email,
          inOrganization: user !== undefined,
          role: user?.role ?? null,
          hasActivePersonalCredits: withCredits.has(id),
        },
        access,
      );
      if (!rule.ok || !user) {
        if (!rule.ok) items.push(fail(itemKey(id), rule, email));
        continue;
      }
      apply.push(id);
      items.push({ key: itemKey(id), email, ok: true });
      c.notes.add(user, notices.creditAccessChanged({ access, organization: c.org.name }));
    }
    const limit = access.mode === 'limit' ? milli(access.limit) : null;
    for (const part of chunks(apply, 400)) {
      await c.tx
        .insertInto('credit_access')
        .values(
          part.map((id) => ({
            organization_id: c.org.id,
            account_id: id,
            mode: access.mode,
            limit_milli: limit,
            used_milli: 0,
            updated_at: c.now,
          })),
        )
        .onConflict((oc) =>
          oc.columns(['organization_id', 'account_id']).doUpdateSet({
            mode: access.mode,
            limit_milli: limit,
            updated_at: c.now,
          }),
        )
        .execute();
    }
    return batchOutcome(items, { updated: apply.length, failed: items.length - apply.length });
  },
};

export const requestCredits: Operation<MutationArgs<'requestCredits'>> = {
  admin: false,
  target: (a) => (a.amount !== undefined ? `${a.amount} credits` : 'more credits'),
  async run(c, args) {
    const org = c.actor.memberOf;
    const rule = checkRequestCredits(org?.role ?? (c.actor.adminOf ? 'administrator' : null));
    if (!rule.ok || !org) return rule.ok ? accepted() : rejectedBy(rule);
    c.notes.add(
      { accountId: org.administratorId, email: org.administratorEmail },
      notices.creditsRequested({ user: c.actor.email, amount: args.amount, note: args.note }),
    );
    return accepted({ administratorEmail: org.administratorEmail });
  },
};
