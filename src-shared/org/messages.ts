// Every message of the Self-Service Portal, word for word from the vendor guides
// (docs/sources.md) where they give one.
// The cloud answers with these and the desktop pre-checks offline with the same text.

/** docs/sources.md, Portal guide §IV: inviting an email with no Chaos account. */
export const userDoesNotExist = (email: string): string =>
  `User with email "${email}" does not exist`;

/** docs/sources.md, Portal guide §IV: an account with personal purchases invited as Member. */
export const NOT_ELIGIBLE_AS_MEMBER =
  'User has available personal subscriptions or is not eligible to join the organization as Member. You can only invite this user as a Guest';

/**
 * docs/sources.md, Portal guide §XXIII: revoking or re-allocating a license its holder borrowed for
 * offline use.
 */
export const borrowedLicense = (email: string): string =>
  `The source user ${email} has borrowed licenses for offline use. To reallocate them, the borrowing period should first expire or the user should release them for online use.`;

/**
 * docs/sources.md, Portal guide §VIII: the reasons a removal fails, as the "Failed user removals"
 * list shows them.
 */
export const REMOVAL_ASSIGNED = 'Assigned product(s)';
export const REMOVAL_BORROWED = 'Borrowed product(s)';

/**
 * docs/sources.md, Portal guide §I and Portal overview "Terms": trial and beta licenses stay with
 * the user who applied for them.
 */
export const TRIAL_BETA_LOCKED =
  'Trial/beta licenses cannot be revoked by the Administrator and re-assigned to another Member';

/** docs/sources.md, Portal guide §I: a guest consumes from one credit pool at a time. */
export const GUEST_HAS_PERSONAL_CREDITS =
  'Access to the organizational Chaos Cloud Credits can be enabled only if a Guest does not have active personal credits';

/**
 * docs/sources.md, Portal guide §XXV "Quick note": a guest with organizational access wants to buy
 * credits.
 */
export const GUEST_DISABLE_ORG_ACCESS_TO_BUY =
  'To be able to purchase Cloud credits for personal use, ask the administrator of the organization to disable your access to the organizational credits.';

/** docs/sources.md, Portal guide §I: members buy nothing themselves. */
export const MEMBERS_CANNOT_PURCHASE =
  'Members can only use licenses or cloud credits allocated by the Administrator';

/** docs/sources.md, Portal guide §XVII and §XXV: a member's Products view. */
export const NO_ASSIGNED_PRODUCTS = 'You have no assigned products';
export const CONTACT_ADMINISTRATOR = 'Please contact your organization administrator';

/** docs/sources.md, Portal guide §IV: the prompt after signing in with a pending invitation. */
export const ACCEPT_INVITATION_PROMPT = 'Would you like to accept the invitation?';

/** docs/sources.md, Portal guide §VIII: the removal confirmation and its result screen. */
export const removeConfirmation = (count: number): string =>
  `You are about to remove ${count} ${count === 1 ? 'user' : 'users'} from your organization.`;
export const REMOVE_PRECONDITION =
  "In order to successfully remove all of the selected users make sure that all their products have been revoked or they don't have borrowed products. Users with borrowed products won't be removed from your organization until the borrowing period ends or they release the product.";
export const REMOVE_CREDITS_DISABLED = 'Chaos Cloud Credits will be automatically disabled.';
export const NOT_ALL_REMOVED = 'Not all users have been removed';
export const removedSummary = (count: number): string =>
  `${count} ${count === 1 ? 'user was' : 'users were'} successfully removed and ${count === 1 ? 'is' : 'are'} no longer able to use the assigned products and consume organizational cloud credits.`;
export const failedRemovalSummary = (count: number): string =>
  `${count} failed user ${count === 1 ? 'removal' : 'removals'}. See failed removals from the link below.`;
export const FAILED_REMOVALS_EXPLAINED =
  'The users have assigned or borrowed product(s) and could not be removed currently. You should revoke all assigned products. For borrowed products you should wait until the borrowing period expires or contact the user to release the borrowed product.';

/** docs/sources.md, Portal guide §IV: the invitation mail. */
export const INVITE_BUTTON = 'Respond to invite';
export const inviteGreeting = (email: string): string => `Hello, ${email}`;
export const invitedYou = (adminEmail: string, role: 'member' | 'guest'): string =>
  `${adminEmail} has invited you to join their organization as ${roleLabel(role)}.`;
export const roleBenefits = (role: 'member' | 'guest'): string =>
  role === 'guest'
    ? "As guest you'll be able to use Chaos products and services assigned to you from the organization as well as your personal licenses."
    : "As member you'll be able to use Chaos products and services assigned to you from the organization.";
export const INVITE_RESPOND = 'Use the button below to accept or decline the invitation.';

export const roleLabel = (role: 'member' | 'guest' | 'administrator'): string =>
  role === 'member' ? 'Member' : role === 'guest' ? 'Guest' : 'Administrator';

// Rules the guides state without a message of their own: worded in the portal's voice.
export const notAnOrganizationUser = (email: string): string =>
  `${email} is not a user of your organization`;
export const alreadyInYourOrganization = (email: string): string =>
  `${email} is already a user of your organization`;
export const alreadyInAnotherOrganization = (email: string): string =>
  `${email} already belongs to another organization. One account can have only one organization.`;
export const invitationAlreadyPending = (email: string): string =>
  `An invitation to ${email} is already pending. Resend or cancel it instead.`;
export const CANNOT_INVITE_YOURSELF =
  'You are the Administrator of this organization and cannot invite yourself';
export const CANNOT_REMOVE_ADMINISTRATOR =
  'The Administrator cannot be removed from the organization';
export const INVITATION_NOT_FOUND = 'The invitation does not exist';
export const invitationNotPending = (status: string): string =>
  `The invitation is no longer pending (it was ${status})`;
export const INVITATION_NOT_FOR_YOU = 'This invitation was sent to another account';
export const NOT_AN_ADMINISTRATOR = 'Only the Administrator of the organization can do this';
export const NOT_IN_AN_ORGANIZATION = 'You are not a Member or Guest of an organization';
export const PURCHASE_NOT_FOUND = 'The product license does not exist in your organization';
export const purchaseExpired = (product: string): string =>
  `The ${product} license with this expiration date has expired`;
export const noFreeSeats = (product: string, free: number): string =>
  `All seats of ${product} with this expiration date are assigned (${free} free). Choose the user to re-allocate it from.`;
/** The bulk wizard leaves out who its free seats do not reach, and says so with the count. */
export const notSentNoSeat = (product: string, free: number, users: number): string =>
  `Not sent: ${free} ${free === 1 ? 'seat' : 'seats'} of ${product} with this expiration date ${free === 1 ? 'was' : 'were'} free for ${users} ${users === 1 ? 'user' : 'users'}.`;
export const notEnoughToReallocate = (email: string, product: string): string =>
  `${email} has not enough seats of ${product} with this expiration date to re-allocate`;
export const CANNOT_REALLOCATE_TO_SAME_USER =
  'A license cannot be re-allocated from a user to the same user';
export const nothingToRevoke = (email: string, product: string): string =>
  `${email} has no assigned ${product}`;
export const INVALID_CREDIT_LIMIT = 'The cloud credits limit must be a positive amount';
