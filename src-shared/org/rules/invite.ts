// Rules for inviting an account and answering an invitation (docs/sources.md, Portal guide §IV–V,
// docs/requirements.md §3).
import * as msg from '../messages.ts';
import {
  allowed,
  rejected,
  type InvitationStatus,
  type MemberRole,
  type RuleResult,
} from '../model.ts';

/** What the rules need to know about the account an email belongs to. */
export interface InviteeFacts {
  accountId: string;
  email: string;
  /** Active personal purchases other than trials and betas (see `hasPersonalPurchases`). */
  hasPersonalPurchases: boolean;
  /** The organization the account is a Member or Guest of, if any. */
  memberOfOrganizationId: string | null;
  /** The organization the account administers and that has users or pending invitations. */
  administersOrganizationId: string | null;
}

export interface InviteContext {
  organizationId: string;
  administratorAccountId: string;
  /** null when no account has this email. */
  invitee: InviteeFacts | null;
  /** An invitation to this email from this organization is pending. */
  pendingInvitation: boolean;
}

export function checkInvite(ctx: InviteContext, email: string, role: MemberRole): RuleResult {
  const who = ctx.invitee;
  if (!who) return rejected('user_not_found', msg.userDoesNotExist(email));
  if (who.accountId === ctx.administratorAccountId)
    return rejected('cannot_invite_yourself', msg.CANNOT_INVITE_YOURSELF);
  if (who.memberOfOrganizationId === ctx.organizationId)
    return rejected('already_in_organization', msg.alreadyInYourOrganization(who.email));
  if (
    who.memberOfOrganizationId !== null ||
    (who.administersOrganizationId !== null && who.administersOrganizationId !== ctx.organizationId)
  )
    return rejected('in_another_organization', msg.alreadyInAnotherOrganization(who.email));
  if (ctx.pendingInvitation)
    return rejected('invitation_pending', msg.invitationAlreadyPending(who.email));
  if (role === 'member' && who.hasPersonalPurchases)
    return rejected('not_eligible_as_member', msg.NOT_ELIGIBLE_AS_MEMBER);
  return allowed;
}

/** An invitation as the rules see it. */
export interface InvitationFacts {
  organizationId: string;
  /** Invitations are addressed to an email (lower-cased), which names one account. */
  email: string;
  status: InvitationStatus;
}

/** The administrator resends or cancels one of the organization's invitations. */
export function checkManageInvitation(
  invitation: InvitationFacts | null,
  organizationId: string,
): RuleResult {
  if (!invitation || invitation.organizationId !== organizationId)
    return rejected('invitation_not_found', msg.INVITATION_NOT_FOUND);
  if (invitation.status !== 'pending')
    return rejected('invitation_not_pending', msg.invitationNotPending(invitation.status));
  return allowed;
}

/** What accepting needs to re-check about the invitee: things may have changed since the invite. */
export interface AnswerContext {
  invitation: InvitationFacts | null;
  role: MemberRole;
  email: string;
  hasPersonalPurchases: boolean;
  memberOfOrganizationId: string | null;
  administersOrganizationId: string | null;
}

/** The invitee declines: only their own pending invitation. */
export function checkDecline(ctx: Pick<AnswerContext, 'invitation' | 'email'>): RuleResult {
  const inv = ctx.invitation;
  if (!inv) return rejected('invitation_not_found', msg.INVITATION_NOT_FOUND);
  if (inv.email.toLowerCase() !== ctx.email.toLowerCase())
    return rejected('invitation_not_for_you', msg.INVITATION_NOT_FOR_YOU);
  if (inv.status !== 'pending')
    return rejected('invitation_not_pending', msg.invitationNotPending(inv.status));
  return allowed;
}

/** The invitee accepts: their own pending invitation, and the membership rules still hold. */
export function checkAccept(ctx: AnswerContext): RuleResult {
  const base = checkDecline(ctx);
  if (!base.ok || !ctx.invitation) return base;
  const orgId = ctx.invitation.organizationId;
  if (ctx.memberOfOrganizationId === orgId)
    return rejected('already_in_organization', msg.alreadyInYourOrganization(ctx.email));
  if (
    ctx.memberOfOrganizationId !== null ||
    (ctx.administersOrganizationId !== null && ctx.administersOrganizationId !== orgId)
  )
    return rejected('in_another_organization', msg.alreadyInAnotherOrganization(ctx.email));
  if (ctx.role === 'member' && ctx.hasPersonalPurchases)
    return rejected('not_eligible_as_member', msg.NOT_ELIGIBLE_AS_MEMBER);
  return allowed;
}
