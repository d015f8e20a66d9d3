// The texts of the organization's notifications and mails, one function per event the guides name
// (docs/sources.md).
import * as msg from './messages.ts';
import type { CreditAccess, MemberRole } from './model.ts';

export type NoticeKind =
  | 'invitation_sent'
  | 'invitation_accepted'
  | 'invitation_declined'
  | 'invitation_cancelled'
  | 'invitations_status'
  | 'user_removed'
  | 'product_assigned'
  | 'product_revoked'
  | 'credit_access_changed'
  | 'credits_requested'
  | 'render_ended'
  | 'render_refused'
  | 'credits_low';

export interface Notice {
  kind: NoticeKind;
  /** One line for the app's notification list. */
  text: string;
  subject: string;
  /** Plain-text mail body. */
  body: string;
  /** A link the app opens (clm://…), also the mail's button. */
  link?: string;
  linkLabel?: string;
}

/** The app handles clm:// links: this one opens the accept/decline prompt of an invitation. */
export const inviteLink = (invitationId: string): string => `clm://invite/${invitationId}`;
export const INVITATIONS_STATUS_LINK = 'clm://organization/invitations';

const credits = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(3));

export function invitationSent(p: {
  invitee: string;
  admin: string;
  organization: string;
  role: MemberRole;
  invitationId: string;
}): Notice {
  const link = inviteLink(p.invitationId);
  return {
    kind: 'invitation_sent',
    text: `${p.admin} has invited you to join their organization as ${msg.roleLabel(p.role)}.`,
    subject: `Invitation to join ${p.organization}`,
    body: [
      msg.inviteGreeting(p.invitee),
      msg.invitedYou(p.admin, p.role),
      msg.roleBenefits(p.role),
      msg.INVITE_RESPOND,
      `${msg.INVITE_BUTTON}: ${link}`,
    ].join('\n\n'),
    link,
    linkLabel: msg.INVITE_BUTTON,
  };
}

export function invitationAnswered(p: {
  invitee: string;
  role: MemberRole;
  accepted: boolean;
}): Notice {
  const verb = p.accepted ? 'accepted' : 'declined';
  const text = `${p.invitee} has ${verb} the invitation to join your organization as ${msg.roleLabel(p.role)}.`;
  return {
    kind: p.accepted ? 'invitation_accepted' : 'invitation_declined',
    text,
    subject: `${p.invitee} has ${verb} your invitation`,
    body: text,
    link: INVITATIONS_STATUS_LINK,
  };
}

export function invitationCancelled(p: { organization: string }): Notice {
  const text = `Your invitation to join ${p.organization} was cancelled by its administrator.`;
  return { kind: 'invitation_cancelled', text, subject: 'Invitation cancelled', body: text };
}

/**
 * docs/sources.md, Portal guide §V.12: after a bulk invitation the administrator gets a link to the
 * status.
 */
export function invitationsStatus(p: { sent: number; failed: number }): Notice {
  const text = `${p.sent} ${p.sent === 1 ? 'invitation was' : 'invitations were'} sent, ${p.failed} failed.`;
  return {
    kind: 'invitations_status',
    text,
    subject: 'Status of your invitations',
    body: `${text}\n\nSee the status of the invitations: ${INVITATIONS_STATUS_LINK}`,
    link: INVITATIONS_STATUS_LINK,
    linkLabel: 'See the status of the invitations',
  };
}

export function userRemoved(p: { organization: string }): Notice {
  const text = `You were removed from ${p.organization} and are no longer able to use the assigned products and consume organizational cloud credits.`;
  return {
    kind: 'user_removed',
    text,
    subject: `You were removed from ${p.organization}`,
    body: text,
  };
}

export function productAssigned(p: {
  product: string;
  quantity: number;
  organization: string;
}): Notice {
  const text = `The administrator of ${p.organization} has assigned ${p.quantity} × ${p.product} license${p.quantity === 1 ? '' : 's'} to you.`;
  return {
    kind: 'product_assigned',
    text,
    subject: `${p.product} license assigned to you`,
    body: text,
  };
}

export function productRevoked(p: {
  product: string;
  quantity: number;
  organization: string;
}): Notice {
  const text = `The administrator of ${p.organization} has revoked ${p.quantity} × ${p.product} license${p.quantity === 1 ? '' : 's'} from you.`;
  return { kind: 'product_revoked', text, subject: `${p.product} license revoked`, body: text };
}

export function creditAccessChanged(p: { access: CreditAccess; organization: string }): Notice {
  const what =
    p.access.mode === 'disabled'
      ? 'disabled your access to the organizational cloud credits'
      : p.access.mode === 'unlimited'
        ? 'given you unlimited access to the organizational cloud credits'
        : `set your organizational cloud credits quota to ${credits(p.access.limit)}`;
  const text = `The administrator of ${p.organization} has ${what}.`;
  return {
    kind: 'credit_access_changed',
    text,
    subject: 'Your cloud credits access was updated',
    body: text,
  };
}

export function creditsRequested(p: { user: string; amount?: number; note?: string }): Notice {
  const amount = p.amount !== undefined ? ` (${credits(p.amount)} credits)` : '';
  const text = `${p.user} requests more cloud credits${amount}.`;
  return {
    kind: 'credits_requested',
    text,
    subject: `${p.user} requests more cloud credits`,
    body: p.note ? `${text}\n\n${p.note}` : text,
  };
}
