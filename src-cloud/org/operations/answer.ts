// Accept and decline: the invitee's side of an invitation (docs/sources.md, Portal guide §IV).
import { LOCKED_TERMS } from '../../../src-shared/org/model.ts';
import type { MutationArgs } from '../../../src-shared/org/mutations.ts';
import * as notices from '../../../src-shared/org/notices.ts';
import { checkAccept, checkDecline } from '../../../src-shared/org/rules/invite.ts';
import { inUseOrganizations } from './facts.ts';
import { accepted, rejectedBy, type OpContext, type Operation } from './types.ts';

/**
 * An answered (or cancelled) invitation leaves no unread "Respond to invite" behind: the invitee's
 * notices linking to it are marked read in the same transaction (docs/interface.md).
 */
export async function closeInvitationNotices(
  c: Pick<OpContext, 'tx' | 'now'>,
  accountId: string,
  invitationId: string,
): Promise<void> {
  await c.tx
    .updateTable('notifications')
    .set({ read_at: c.now })
    .where('account_id', '=', accountId)
    .where('read_at', 'is', null)
    .where('link', '=', notices.inviteLink(invitationId))
    .execute();
}

async function loadInvitation(c: OpContext, id: string) {
  const inv = await c.tx
    .selectFrom('invitations as i')
    .innerJoin('organizations as o', 'o.id', 'i.organization_id')
    .innerJoin('accounts as a', 'a.id', 'o.administrator_id')
    .select([
      'i.id',
      'i.organization_id',
      'i.email',
      'i.role',
      'i.status',
      'o.administrator_id',
      'a.email as admin_email',
    ])
    .where('i.id', '=', id)
    .executeTakeFirst();
  // Only the invitee (and the organization) may learn that an invitation exists.
  if (inv && inv.email === c.actor.email.toLowerCase()) c.auditOrganizationId = inv.organization_id;
  return inv;
}

const facts = (inv: Awaited<ReturnType<typeof loadInvitation>>) =>
  inv ? { organizationId: inv.organization_id, email: inv.email, status: inv.status } : null;

export const acceptInvitation: Operation<MutationArgs<'acceptInvitation'>> = {
  admin: false,
  target: (a) => a.invitationId,
  async run(c, { invitationId }) {
    const inv = await loadInvitation(c, invitationId);
    const buyer = await c.tx
      .selectFrom('purchases')
      .select('id')
      .where('account_id', '=', c.actor.accountId)
      .where('term', 'not in', [...LOCKED_TERMS])
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', c.now)]))
      .limit(1)
      .executeTakeFirst();
    const administers = await inUseOrganizations(c.tx)
      .select('o.id')
      .where('o.administrator_id', '=', c.actor.accountId)
      .executeTakeFirst();
    const rule = checkAccept({
      invitation: facts(inv),
      role: inv?.role ?? 'guest',
      email: c.actor.email,
      hasPersonalPurchases: buyer !== undefined,
      memberOfOrganizationId: c.actor.memberOf?.id ?? null,
      administersOrganizationId: administers?.id ?? null,
    });
    if (!rule.ok || !inv) return rule.ok ? accepted() : rejectedBy(rule);
    await c.tx
      .updateTable('invitations')
      .set({ status: 'accepted', updated_at: c.now })
      .where('id', '=', inv.id)
      .execute();
    await closeInvitationNotices(c, c.actor.accountId, inv.id);
    await c.tx
      .insertInto('memberships')
      .values({
        organization_id: inv.organization_id,
        account_id: c.actor.accountId,
        role: inv.role,
        joined_at: c.now,
      })
      .execute();
    c.notes.add(
      { accountId: inv.administrator_id, email: inv.admin_email },
      notices.invitationAnswered({ invitee: c.actor.email, role: inv.role, accepted: true }),
    );
    return accepted({ invitationId: inv.id, organizationId: inv.organization_id, role: inv.role });
  },
};

export const declineInvitation: Operation<MutationArgs<'declineInvitation'>> = {
  admin: false,
  target: (a) => a.invitationId,
  async run(c, { invitationId }) {
    const inv = await loadInvitation(c, invitationId);
    const rule = checkDecline({ invitation: facts(inv), email: c.actor.email });
    if (!rule.ok || !inv) return rule.ok ? accepted() : rejectedBy(rule);
    await c.tx
      .updateTable('invitations')
      .set({ status: 'declined', updated_at: c.now })
      .where('id', '=', inv.id)
      .execute();
    await closeInvitationNotices(c, c.actor.accountId, inv.id);
    c.notes.add(
      { accountId: inv.administrator_id, email: inv.admin_email },
      notices.invitationAnswered({ invitee: c.actor.email, role: inv.role, accepted: false }),
    );
    return accepted({ invitationId: inv.id });
  },
};
