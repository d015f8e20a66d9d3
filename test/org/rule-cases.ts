// The table of portal rule cases walked by rules-http.test.ts: who acts, which operation, and the
// outcome with the seeds' exact message, in order (each case sees the state the previous left).
import type { SentName } from '../../src-shared/org/legacy-mutations.ts';

export const ADMIN = 'admin@acme.test';
export const M1 = 'member1@acme.test';
const BORROWED = (email: string) =>
  `The source user ${email} has borrowed licenses for offline use. To reallocate them, the borrowing period should first expire or the user should release them for online use.`;
const NOT_MEMBER_ELIGIBLE =
  'User has available personal subscriptions or is not eligible to join the organization as Member. You can only invite this user as a Guest';

export type Item = [key: string, ok: boolean, message?: string];
export interface Expect {
  status: 'accepted' | 'rejected';
  code?: string;
  message?: string;
  items?: Item[];
}
export interface Case {
  name: string;
  as: string;
  op: SentName;
  args: unknown;
  expect: Expect;
}
const ok: Expect = { status: 'accepted' };
const no = (code: string, message: string, items?: Item[]): Expect => ({
  status: 'rejected',
  code,
  message,
  ...(items ? { items } : {}),
});

export const cases: Case[] = [
  {
    name: 'an unregistered email cannot be invited',
    as: ADMIN,
    op: 'invite',
    args: { email: 'nobody@ext.test', role: 'guest' },
    expect: no('user_not_found', 'User with email "nobody@ext.test" does not exist'),
  },
  {
    name: 'an account with personal purchases cannot be a Member',
    as: ADMIN,
    op: 'invite',
    args: { email: 'buyer@ext.test', role: 'member' },
    expect: no('not_eligible_as_member', NOT_MEMBER_ELIGIBLE),
  },
  {
    name: 'an account with personal purchases can be a Guest',
    as: ADMIN,
    op: 'invite',
    args: { email: 'buyer@ext.test', role: 'guest' },
    expect: ok,
  },
  {
    name: 'trials and betas do not count as personal purchases',
    as: ADMIN,
    op: 'invite',
    args: { email: 'trialer@ext.test', role: 'member' },
    expect: ok,
  },
  {
    name: 'a user of the organization is not invited again',
    as: ADMIN,
    op: 'invite',
    args: { email: M1, role: 'member' },
    expect: no(
      'already_in_organization',
      'member1@acme.test is already a user of your organization',
    ),
  },
  {
    name: 'an account has at most one organization',
    as: ADMIN,
    op: 'invite',
    args: { email: 'other-member@beta.test', role: 'guest' },
    expect: no(
      'in_another_organization',
      'other-member@beta.test already belongs to another organization. One account can have only one organization.',
    ),
  },
  {
    name: 'a pending invitation is resent, not duplicated',
    as: ADMIN,
    op: 'invite',
    args: { email: 'trialer@ext.test', role: 'guest' },
    expect: no(
      'invitation_pending',
      'An invitation to trialer@ext.test is already pending. Resend or cancel it instead.',
    ),
  },
  {
    name: 'the administrator does not invite themself',
    as: ADMIN,
    op: 'invite',
    args: { email: ADMIN, role: 'member' },
    expect: no(
      'cannot_invite_yourself',
      'You are the Administrator of this organization and cannot invite yourself',
    ),
  },
  {
    name: 'a member cannot invite',
    as: M1,
    op: 'invite',
    args: { email: 'plain@ext.test', role: 'member' },
    expect: no('not_administrator', 'Only the Administrator of the organization can do this'),
  },
  {
    name: 'a bulk invitation answers per address',
    as: ADMIN,
    op: 'inviteBatch',
    args: {
      invitations: [
        { email: 'nobody2@ext.test', role: 'guest' },
        { email: 'plain@ext.test', role: 'member' },
        { email: 'buyer@ext.test', role: 'guest' },
        { email: 'plain2@ext.test', role: 'guest' },
      ],
    },
    expect: {
      status: 'accepted',
      items: [
        ['nobody2@ext.test', false, 'User with email "nobody2@ext.test" does not exist'],
        ['plain@ext.test', true],
        [
          'buyer@ext.test',
          false,
          'An invitation to buyer@ext.test is already pending. Resend or cancel it instead.',
        ],
        ['plain2@ext.test', true],
      ],
    },
  },
  {
    name: 'a pending invitation can be cancelled',
    as: ADMIN,
    op: 'cancelInvitation',
    args: { invitationId: 'inv-cancel' },
    expect: ok,
  },
  {
    name: 'a cancelled invitation cannot be cancelled again',
    as: ADMIN,
    op: 'cancelInvitation',
    args: { invitationId: 'inv-cancel' },
    expect: no('invitation_not_pending', 'The invitation is no longer pending (it was cancelled)'),
  },
  {
    name: 'resending an unknown invitation',
    as: ADMIN,
    op: 'resendInvitation',
    args: { invitationId: 'inv-missing' },
    expect: no('invitation_not_found', 'The invitation does not exist'),
  },
  {
    name: 'a pending invitation can be resent',
    as: ADMIN,
    op: 'resendInvitation',
    args: { invitationId: 'inv-accept' },
    expect: ok,
  },
  {
    name: "another organization's administrator cannot see the invitation",
    as: 'other-admin@beta.test',
    op: 'resendInvitation',
    args: { invitationId: 'inv-accept' },
    expect: no('invitation_not_found', 'The invitation does not exist'),
  },
  {
    name: "nobody accepts someone else's invitation",
    as: 'pending@ext.test',
    op: 'acceptInvitation',
    args: { invitationId: 'inv-decline' },
    expect: no('invitation_not_for_you', 'This invitation was sent to another account'),
  },
  {
    name: 'the invitee accepts',
    as: 'pending@ext.test',
    op: 'acceptInvitation',
    args: { invitationId: 'inv-accept' },
    expect: ok,
  },
  {
    name: 'the invitee declines',
    as: 'decliner@ext.test',
    op: 'declineInvitation',
    args: { invitationId: 'inv-decline' },
    expect: ok,
  },
  {
    name: 'a user with assigned products is not removed',
    as: ADMIN,
    op: 'removeUsers',
    args: { userIds: ['acc-m1'] },
    expect: no('assigned_products', 'Assigned product(s)', [
      ['acc-m1', false, 'Assigned product(s)'],
    ]),
  },
  {
    name: 'bulk removal: borrowed products block, credit access does not',
    as: ADMIN,
    op: 'removeUsers',
    args: { userIds: ['acc-borrower', 'acc-free', 'acc-plain'] },
    expect: {
      status: 'accepted',
      items: [
        ['acc-borrower', false, 'Borrowed product(s)'],
        ['acc-free', true],
        ['acc-plain', false, 'plain@ext.test is not a user of your organization'],
      ],
    },
  },
  {
    name: 'the administrator cannot be removed',
    as: ADMIN,
    op: 'removeUsers',
    args: { userIds: ['acc-admin'] },
    expect: no(
      'cannot_remove_administrator',
      'The Administrator cannot be removed from the organization',
      [['acc-admin', false, 'The Administrator cannot be removed from the organization']],
    ),
  },
  {
    name: 'when every seat is taken a user to re-allocate from is needed',
    as: ADMIN,
    op: 'assignProduct',
    args: { userId: 'acc-guest', purchaseId: 'p-vray', quantity: 1 },
    expect: no(
      'no_free_seats',
      'All seats of V-Ray for 3ds Max with this expiration date are assigned (0 free). Choose the user to re-allocate it from.',
    ),
  },
  {
    name: 'a borrowed seat cannot be re-allocated',
    as: ADMIN,
    op: 'assignProduct',
    args: { userId: 'acc-guest', purchaseId: 'p-phoenix', quantity: 1, fromUserId: 'acc-borrower' },
    expect: no('borrowed_license', BORROWED('borrower@acme.test')),
  },
  {
    name: 'trial licenses cannot be assigned away',
    as: ADMIN,
    op: 'assignProduct',
    args: { userId: 'acc-guest', purchaseId: 'p-trial', quantity: 1 },
    expect: no(
      'trial_beta_locked',
      'Trial/beta licenses cannot be revoked by the Administrator and re-assigned to another Member',
    ),
  },
  {
    name: 'an expired purchase has no seats to assign',
    as: ADMIN,
    op: 'assignProduct',
    args: { userId: 'acc-guest', purchaseId: 'p-expired', quantity: 1 },
    expect: no(
      'purchase_expired',
      'The Corona for 3ds Max license with this expiration date has expired',
    ),
  },
  {
    name: 'the expiration date picks the purchase with a free seat',
    as: ADMIN,
    op: 'assignProduct',
    args: { userId: 'acc-guest', purchaseId: 'p-vray-late', quantity: 1 },
    expect: ok,
  },
  {
    name: 're-allocating a seat from another user',
    as: ADMIN,
    op: 'assignProduct',
    args: { userId: 'acc-guest', purchaseId: 'p-vray', quantity: 1, fromUserId: 'acc-m1' },
    expect: ok,
  },
  {
    name: 'a removed user gets no seats',
    as: ADMIN,
    op: 'assignProduct',
    args: { userId: 'acc-free', purchaseId: 'p-vray', quantity: 1, fromUserId: 'acc-m2' },
    expect: no('not_organization_user', 'free@acme.test is not a user of your organization'),
  },
  {
    name: 'a borrowed license cannot be revoked',
    as: ADMIN,
    op: 'revokeProduct',
    args: { userId: 'acc-m2', productCode: 'vray-3dsmax' },
    expect: no('borrowed_license', BORROWED('member2@acme.test')),
  },
  {
    name: 'identical products on a user are revoked together',
    as: ADMIN,
    op: 'revokeProduct',
    args: { userId: 'acc-guest', productCode: 'vray-3dsmax' },
    expect: ok,
  },
  {
    name: 'nothing left to revoke',
    as: ADMIN,
    op: 'revokeProduct',
    args: { userId: 'acc-guest', productCode: 'vray-3dsmax' },
    expect: no('nothing_to_revoke', 'guest1@acme.test has no assigned V-Ray for 3ds Max'),
  },
  {
    name: 'a guest with active personal credits gets no organizational access',
    as: ADMIN,
    op: 'setCreditAccess',
    args: { userIds: ['acc-guest'], access: { mode: 'limit', limit: 20 } },
    expect: no(
      'guest_has_personal_credits',
      'Access to the organizational Chaos Cloud Credits can be enabled only if a Guest does not have active personal credits',
      [
        [
          'acc-guest',
          false,
          'Access to the organizational Chaos Cloud Credits can be enabled only if a Guest does not have active personal credits',
        ],
      ],
    ),
  },
  {
    name: 'unlimited access in bulk',
    as: ADMIN,
    op: 'setCreditAccess',
    args: { userIds: ['acc-m1', 'acc-m2'], access: { mode: 'unlimited' } },
    expect: {
      status: 'accepted',
      items: [
        ['acc-m1', true],
        ['acc-m2', true],
      ],
    },
  },
  {
    name: 'a custom quota must be positive',
    as: ADMIN,
    op: 'setCreditAccess',
    args: { userIds: ['acc-m1'], access: { mode: 'limit', limit: -5 } },
    expect: no('invalid_credit_limit', 'The cloud credits limit must be a positive amount', [
      ['acc-m1', false, 'The cloud credits limit must be a positive amount'],
    ]),
  },
  {
    name: 'a preset quota',
    as: ADMIN,
    op: 'setCreditAccess',
    args: { userIds: ['acc-m1'], access: { mode: 'limit', limit: 20 } },
    expect: { status: 'accepted', items: [['acc-m1', true]] },
  },
  {
    name: 'a member cannot set credit access',
    as: M1,
    op: 'setCreditAccess',
    args: { userIds: ['acc-m1'], access: { mode: 'unlimited' } },
    expect: no('not_administrator', 'Only the Administrator of the organization can do this'),
  },
  {
    name: 'a member requests more credits',
    as: M1,
    op: 'requestCredits',
    args: { amount: 50, note: 'Deadline on Friday' },
    expect: ok,
  },
  {
    name: 'the administrator has nobody to ask',
    as: ADMIN,
    op: 'requestCredits',
    args: {},
    expect: no('not_in_organization', 'You are not a Member or Guest of an organization'),
  },
  {
    name: 'bulk assign: one seat of each purchase to each user',
    as: ADMIN,
    op: 'assignProducts',
    args: { userIds: ['acc-pending', 'acc-guest'], purchaseIds: ['p-vray'] },
    expect: {
      status: 'accepted',
      items: [
        ['acc-pending:p-vray', true],
        [
          'acc-guest:p-vray',
          false,
          'All seats of V-Ray for 3ds Max with this expiration date are assigned (0 free). Choose the user to re-allocate it from.',
        ],
      ],
    },
  },
  {
    name: 'bulk revoke',
    as: ADMIN,
    op: 'revokeProducts',
    args: { userIds: ['acc-pending', 'acc-guest'], productCodes: ['vray-3dsmax'] },
    expect: {
      status: 'accepted',
      items: [
        ['acc-pending:vray-3dsmax', true],
        ['acc-guest:vray-3dsmax', false, 'guest1@acme.test has no assigned V-Ray for 3ds Max'],
      ],
    },
  },
  {
    name: "another organization's administrator cannot assign to our users",
    as: 'other-admin@beta.test',
    op: 'assignProduct',
    args: { userId: 'acc-m1', purchaseId: 'p-other', quantity: 1 },
    expect: no('not_organization_user', 'acc-m1 is not a user of your organization'),
  },
];
