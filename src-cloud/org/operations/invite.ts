// Invite (one account or many), resend and cancel: the administrator's side of invitations.
import { itemKey } from '../../../src-shared/org/item-key.ts';
import type { MutationArgs, ItemResult } from '../../../src-shared/org/mutations.ts';
import { LOCKED_TERMS, type MemberRole } from '../../../src-shared/org/model.ts';
import * as notices from '../../../src-shared/org/notices.ts';
import { checkInvite, checkManageInvitation } from '../../../src-shared/org/rules/invite.ts';
import { newId } from '../../ids.ts';
import { closeInvitationNotices } from './answer.ts';
import { inUseOrganizations } from './facts.ts';
import {
  batchOutcome,
  chunks,
  fail,
  rejectedBy,
  accepted,
  type AdminContext,
  type Operation,
  type Outcome,
} from './types.ts';

interface Invitee {
  accountId: string;
  email: string;
  hasPersonalPurchases: boolean;
  memberOfOrganizationId: string | null;
  administersOrganizationId: string | null;
}

/** Everything the invite rule needs about these emails, in a few queries however many there are. */
async function loadInvitees(c: AdminContext, emails: string[]): Promise<Map<string, Invitee>> {
  const found = new Map<string, Invitee>();
  for (const part of chunks(emails)) {
    const accounts = await c.tx
      .selectFrom('accounts')
      .select(['id', 'email'])
      .where('email', 'in', part)
      .execute();
    if (accounts.length === 0) continue;
    const ids = accounts.map((a) => a.id);
    const members = await c.tx
      .selectFrom('memberships')
      .select(['account_id', 'organization_id'])
      .where('account_id', 'in', ids)
      .execute();
    const memberOf = new Map(members.map((m) => [m.account_id, m.organization_id]));
    // Administering an organization counts only once it has users or pending invitations: every
    // account with a commercial license is an (empty) organization by default.
    const admins = await inUseOrganizations(c.tx)
      .select(['o.id', 'o.administrator_id'])
      .where('o.administrator_id', 'in', ids)
      .execute();
    const adminOf = new Map(admins.map((o) => [o.administrator_id, o.id]));
    const buyers = await c.tx
      .selectFrom('purchases')
      .select('account_id')
      .distinct()
      .where('account_id', 'in', ids)
      .where('term', 'not in', [...LOCKED_TERMS])
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', c.now)]))
      .execute();
    const buyer = new Set(buyers.map((b) => b.account_id));
    for (const a of accounts)
      found.set(a.email, {
        accountId: a.id,
        email: a.email,
        hasPersonalPurchases: buyer.has(a.id),
        memberOfOrganizationId: memberOf.get(a.id) ?? null,
        administersOrganizationId: adminOf.get(a.id) ?? null,
      });
  }
  return found;
}

async function pendingEmails(c: AdminContext, emails: string[]): Promise<Set<string>> {
  const pending = new Set<string>();
  for (const part of chunks(emails)) {
    const rows = await c.tx
      .selectFrom('invitations')
      .select('email')
      .where('organization_id', '=', c.org.id)
      .where('status', '=', 'pending')
      .where('email', 'in', part)
      .execute();
    for (const r of rows) pending.add(r.email);
  }
  return pending;
}

/** Applies the invite rule to each item in order; later duplicates meet the earlier invitation. */
export async function inviteAll(
  c: AdminContext,
  items: readonly { email: string; role: MemberRole }[],
): Promise<ItemResult[]> {
  const emails = [...new Set(items.map((i) => i.email.trim().toLowerCase()))];
  const invitees = await loadInvitees(c, emails);
  const pending = await pendingEmails(c, emails);
  const results: ItemResult[] = [];
  const rows: Array<{ id: string; email: string; role: MemberRole }> = [];
  for (const item of items) {
    const email = item.email.trim().toLowerCase();
    const invitee = invitees.get(email) ?? null;
    const rule = checkInvite(
      {
        organizationId: c.org.id,
        administratorAccountId: c.org.administratorId,
        invitee,
        pendingInvitation: pending.has(email),
      },
      item.email.trim(),
      item.role,
    );
    if (!rule.ok || !invitee) {
      if (!rule.ok) results.push(fail(itemKey(email), rule, email));
      continue;
    }
    const id = newId('inv');
    pending.add(email);
    rows.push({ id, email, role: item.role });
    results.push({ key: itemKey(email), email, ok: true, id });
    c.notes.add(
      invitee,
      notices.invitationSent({
        invitee: email,
        admin: c.org.administratorEmail,
        organization: c.org.name,
        role: item.role,
        invitationId: id,
      }),
    );
  }
  for (const part of chunks(rows, 1000)) {
    await c.tx
      .insertInto('invitations')
      .values(
        part.map((r) => ({
          id: r.id,
          organization_id: c.org.id,
          email: r.email,
          role: r.role,
          status: 'pending' as const,
          created_at: c.now,
          updated_at: c.now,
        })),
      )
      .execute();
  }
  return results;
}

/** One invitation reads as before in the activity log (src-main/activity/describe.ts). */
function inviteTarget(a: MutationArgs<'invite'>): string {
  const [one] = a.invitations;
  return a.invitations.length === 1 && one
    ? `${one.email} as ${one.role}`
    : `${a.invitations.length} invitation(s)`;
}

export const invite: Operation<MutationArgs<'invite'>> = {
  admin: true,
  target: inviteTarget,
  async run(c, args) {
    const items = await inviteAll(c, args.invitations);
    const sent = items.filter((i) => i.ok).length;
    // docs/sources.md, Portal guide §V.12: after a bulk invitation the administrator gets a mail
    // linking to their status.
    if (sent > 0 && args.invitations.length > 1)
      c.notes.add(
        { accountId: c.org.administratorId, email: c.org.administratorEmail },
        notices.invitationsStatus({ sent, failed: items.length - sent }),
      );
    const [first] = items;
    const made = items.length === 1 && first?.id ? { invitationId: first.id } : {};
    return batchOutcome(items, { ...made, sent, failed: items.length - sent });
  },
};

async function loadInvitation(c: AdminContext, id: string) {
  return c.tx
    .selectFrom('invitations')
    .select(['id', 'organization_id', 'email', 'role', 'status'])
    .where('id', '=', id)
    .executeTakeFirst();
}

async function inviteeAccount(c: AdminContext, email: string) {
  return c.tx
    .selectFrom('accounts')
    .select(['id', 'email'])
    .where('email', '=', email)
    .executeTakeFirst();
}

export const resendInvitation: Operation<MutationArgs<'resendInvitation'>> = {
  admin: true,
  target: (a) => a.invitationId,
  async run(c, { invitationId }): Promise<Outcome> {
    const inv = await loadInvitation(c, invitationId);
    const rule = checkManageInvitation(
      inv ? { organizationId: inv.organization_id, email: inv.email, status: inv.status } : null,
      c.org.id,
    );
    if (!rule.ok || !inv) return rule.ok ? accepted() : rejectedBy(rule);
    // A pending invitation's updated_at is when it was last sent: the "invited" date shown.
    await c.tx
      .updateTable('invitations')
      .set({ updated_at: c.now })
      .where('id', '=', inv.id)
      .execute();
    const account = await inviteeAccount(c, inv.email);
    // The same notice, in the same words, as the first (docs/sources.md, Portal guide §IV).
    if (account)
      c.notes.add(
        { accountId: account.id, email: account.email },
        notices.invitationSent({
          invitee: inv.email,
          admin: c.org.administratorEmail,
          organization: c.org.name,
          role: inv.role,
          invitationId: inv.id,
        }),
      );
    return accepted({ invitationId: inv.id });
  },
};

export const cancelInvitation: Operation<MutationArgs<'cancelInvitation'>> = {
  admin: true,
  target: (a) => a.invitationId,
  async run(c, { invitationId }): Promise<Outcome> {
    const inv = await loadInvitation(c, invitationId);
    const rule = checkManageInvitation(
      inv ? { organizationId: inv.organization_id, email: inv.email, status: inv.status } : null,
      c.org.id,
    );
    if (!rule.ok || !inv) return rule.ok ? accepted() : rejectedBy(rule);
    await c.tx
      .updateTable('invitations')
      .set({ status: 'cancelled', updated_at: c.now })
      .where('id', '=', inv.id)
      .execute();
    const account = await inviteeAccount(c, inv.email);
    if (account) {
      await closeInvitationNotices(c, account.id, inv.id);
      c.notes.add(
        { accountId: account.id, email: account.email },
        notices.invitationCancelled({ organization: c.org.name }),
      );
    }
    return accepted({ invitationId: inv.id });
  },
};
