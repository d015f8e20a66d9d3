// The portal rules as pure functions: each case answers the seeds' exact message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  type InviteeFacts,
  checkInvite,
  checkAccept,
  checkDecline,
  checkManageInvitation,
} from '../../src-shared/org/rules/invite.ts';
import { checkRemove } from '../../src-shared/org/rules/remove.ts';
import { checkAssign, splitSeats } from '../../src-shared/org/rules/assign.ts';
import { checkRevoke } from '../../src-shared/org/rules/revoke.ts';
import {
  availableCredits,
  checkPersonalCreditPurchase,
  checkRequestCredits,
  checkSetCreditAccess,
  creditAccessLabel,
} from '../../src-shared/org/rules/credits.ts';
import { hasPersonalPurchases, statusOf } from '../../src-shared/org/model.ts';
import { resolveRelativeDate } from '../../src-shared/relative-date.ts';
import { parse } from '../../src-shared/schema.ts';
import { itemKey, parseItemKey } from '../../src-shared/org/item-key.ts';
import { legacyMutationArgs } from '../../src-shared/org/legacy-mutations.ts';
import { mutationArgs, PushRequest } from '../../src-shared/org/mutations.ts';

// Rules take the time as an argument: any instant does, and the dates below are relative to it.
const NOW_MS = Date.now();
const NOW = new Date(NOW_MS).toISOString();
const inDays = (n: number) => resolveRelativeDate(`${n < 0 ? '-' : '+'}${Math.abs(n)}d`, NOW_MS);
const invitee: InviteeFacts = {
  accountId: 'a2',
  email: 'ann@example.com',
  hasPersonalPurchases: false,
  memberOfOrganizationId: null,
  administersOrganizationId: null,
};
const inviteCtx = {
  organizationId: 'o1',
  administratorAccountId: 'a1',
  invitee,
  pendingInvitation: false,
};

test('invite: unknown email, member eligibility, membership and pending rules', () => {
  assert.deepEqual(checkInvite({ ...inviteCtx, invitee: null }, 'nobody@example.com', 'guest'), {
    ok: false,
    code: 'user_not_found',
    message: 'User with email "nobody@example.com" does not exist',
  });
  const buyer = { ...inviteCtx, invitee: { ...invitee, hasPersonalPurchases: true } };
  assert.deepEqual(checkInvite(buyer, invitee.email, 'member'), {
    ok: false,
    code: 'not_eligible_as_member',
    message:
      'User has available personal subscriptions or is not eligible to join the organization as Member. You can only invite this user as a Guest',
  });
  assert.deepEqual(checkInvite(buyer, invitee.email, 'guest'), { ok: true });
  assert.deepEqual(checkInvite(inviteCtx, invitee.email, 'member'), { ok: true });
  const code = (ctx: typeof inviteCtx, role: 'member' | 'guest' = 'guest') => {
    const r = checkInvite(ctx, invitee.email, role);
    return r.ok ? 'ok' : r.code;
  };
  assert.equal(
    code({ ...inviteCtx, invitee: { ...invitee, accountId: 'a1' } }),
    'cannot_invite_yourself',
  );
  assert.equal(
    code({ ...inviteCtx, invitee: { ...invitee, memberOfOrganizationId: 'o1' } }),
    'already_in_organization',
  );
  assert.equal(
    code({ ...inviteCtx, invitee: { ...invitee, memberOfOrganizationId: 'o2' } }),
    'in_another_organization',
  );
  assert.equal(
    code({ ...inviteCtx, invitee: { ...invitee, administersOrganizationId: 'o2' } }),
    'in_another_organization',
  );
  assert.equal(code({ ...inviteCtx, pendingInvitation: true }), 'invitation_pending');
});

test('personal purchases: trials and betas and expired ones do not count', () => {
  assert.equal(hasPersonalPurchases([{ term: 'trial', expiresAt: null }], NOW), false);
  assert.equal(hasPersonalPurchases([{ term: 'beta', expiresAt: inDays(200) }], NOW), false);
  assert.equal(hasPersonalPurchases([{ term: 'annual', expiresAt: inDays(-150) }], NOW), false);
  assert.equal(hasPersonalPurchases([{ term: 'edu', expiresAt: inDays(200) }], NOW), true);
  assert.equal(hasPersonalPurchases([{ term: 'perpetual', expiresAt: null }], NOW), true);
});

test('answering and managing invitations', () => {
  const inv = { organizationId: 'o1', email: 'ann@example.com', status: 'pending' as const };
  const answer = {
    invitation: inv,
    role: 'member' as const,
    email: 'Ann@example.com',
    hasPersonalPurchases: false,
    memberOfOrganizationId: null,
    administersOrganizationId: null,
  };
  assert.deepEqual(checkAccept(answer), { ok: true });
  assert.deepEqual(checkAccept({ ...answer, hasPersonalPurchases: true }), {
    ok: false,
    code: 'not_eligible_as_member',
    message:
      'User has available personal subscriptions or is not eligible to join the organization as Member. You can only invite this user as a Guest',
  });
  const r = checkDecline({ invitation: inv, email: 'bob@example.com' });
  assert.equal(r.ok ? '' : r.code, 'invitation_not_for_you');
  const done = checkDecline({ invitation: { ...inv, status: 'cancelled' }, email: inv.email });
  assert.deepEqual(done, {
    ok: false,
    code: 'invitation_not_pending',
    message: 'The invitation is no longer pending (it was cancelled)',
  });
  assert.deepEqual(checkManageInvitation(inv, 'o1'), { ok: true });
  assert.equal(statusOf(checkManageInvitation(inv, 'o2').ok ? '' : 'invitation_not_found'), 404);
});

test('remove: borrowed and assigned products block, credit access does not', () => {
  const u = {
    email: 'u@x.com',
    inOrganization: true,
    isAdministrator: false,
    assignedSeats: 0,
    borrowedSeats: 0,
  };
  assert.deepEqual(checkRemove(u), { ok: true });
  assert.deepEqual(checkRemove({ ...u, assignedSeats: 2 }), {
    ok: false,
    code: 'assigned_products',
    message: 'Assigned product(s)',
  });
  assert.deepEqual(checkRemove({ ...u, assignedSeats: 1, borrowedSeats: 1 }), {
    ok: false,
    code: 'borrowed_products',
    message: 'Borrowed product(s)',
  });
  const admin = checkRemove({ ...u, isAdministrator: true });
  assert.equal(admin.ok ? '' : admin.code, 'cannot_remove_administrator');
});

test('assign: free seats, re-allocation, trial/beta and borrowed seats', () => {
  const purchase = {
    productName: 'V-Ray for 3ds Max',
    term: 'annual',
    expiresAt: inDays(200),
    quantity: 2,
    assignedSeats: 1,
  };
  const target = { accountId: 't', email: 't@x.com', inOrganization: true };
  const from = {
    accountId: 'f',
    email: 'f@x.com',
    inOrganization: true,
    assignedSeats: 1,
    borrowedSeats: 0,
  };
  const ctx = { target, purchase, quantity: 1, from: null, now: NOW };
  assert.deepEqual(checkAssign(ctx), { ok: true });
  assert.deepEqual(splitSeats(2, purchase), { fromFree: 1, fromUser: 1 });
  const full = checkAssign({ ...ctx, quantity: 2 });
  assert.equal(full.ok ? '' : full.code, 'no_free_seats');
  assert.deepEqual(checkAssign({ ...ctx, quantity: 2, from }), { ok: true });
  assert.deepEqual(checkAssign({ ...ctx, quantity: 2, from: { ...from, borrowedSeats: 1 } }), {
    ok: false,
    code: 'borrowed_license',
    message:
      'The source user f@x.com has borrowed licenses for offline use. To reallocate them, the borrowing period should first expire or the user should release them for online use.',
  });
  assert.deepEqual(checkAssign({ ...ctx, purchase: { ...purchase, term: 'trial' } }), {
    ok: false,
    code: 'trial_beta_locked',
    message:
      'Trial/beta licenses cannot be revoked by the Administrator and re-assigned to another Member',
  });
  const expired = checkAssign({ ...ctx, purchase: { ...purchase, expiresAt: inDays(-150) } });
  assert.equal(expired.ok ? '' : expired.code, 'purchase_expired');
  const notEnough = checkAssign({ ...ctx, quantity: 3, from });
  assert.equal(notEnough.ok ? '' : notEnough.code, 'not_enough_to_reallocate');
  const outsider = checkAssign({ ...ctx, target: { ...target, inOrganization: false } });
  assert.deepEqual(outsider, {
    ok: false,
    code: 'not_organization_user',
    message: 't@x.com is not a user of your organization',
  });
});

test('revoke: identical products together, nothing borrowed', () => {
  const ctx = {
    email: 'u@x.com',
    inOrganization: true,
    productName: 'Phoenix',
    assignments: [
      { term: 'annual', seats: 1, borrowedSeats: 0 },
      { term: 'annual', seats: 2, borrowedSeats: 0 },
    ],
  };
  assert.deepEqual(checkRevoke(ctx), { ok: true });
  const borrowed = checkRevoke({
    ...ctx,
    assignments: [{ term: 'annual', seats: 1, borrowedSeats: 1 }],
  });
  assert.deepEqual(borrowed, {
    ok: false,
    code: 'borrowed_license',
    message:
      'The source user u@x.com has borrowed licenses for offline use. To reallocate them, the borrowing period should first expire or the user should release them for online use.',
  });
  const none = checkRevoke({ ...ctx, assignments: [] });
  assert.equal(none.ok ? '' : none.message, 'u@x.com has no assigned Phoenix');
});

test('credits: guest pools, quota as a cap, purchases and requests', () => {
  const guest = {
    email: 'g@x.com',
    inOrganization: true,
    role: 'guest' as const,
    hasActivePersonalCredits: true,
  };
  assert.deepEqual(checkSetCreditAccess(guest, { mode: 'limit', limit: 20 }), {
    ok: false,
    code: 'guest_has_personal_credits',
    message:
      'Access to the organizational Chaos Cloud Credits can be enabled only if a Guest does not have active personal credits',
  });
  assert.deepEqual(checkSetCreditAccess(guest, { mode: 'disabled' }), { ok: true });
  assert.deepEqual(checkSetCreditAccess({ ...guest, role: 'member' }, { mode: 'unlimited' }), {
    ok: true,
  });
  const bad = checkSetCreditAccess(
    { ...guest, hasActivePersonalCredits: false },
    { mode: 'limit', limit: -1 },
  );
  assert.equal(bad.ok ? '' : bad.code, 'invalid_credit_limit');
  assert.equal(availableCredits({ mode: 'limit', limit: 20 }, 5, 100), 15);
  assert.equal(availableCredits({ mode: 'limit', limit: 20 }, 5, 7.5), 7.5);
  assert.equal(availableCredits({ mode: 'unlimited' }, 5, 7.5), 7.5);
  assert.equal(availableCredits({ mode: 'disabled' }, 0, 100), 0);
  assert.equal(creditAccessLabel({ mode: 'limit', limit: 20 }, 0, 100), '20 / 20');
  assert.equal(creditAccessLabel({ mode: 'limit', limit: 2 }, 0.5, 100), '1.500 / 2');
  const buy = checkPersonalCreditPurchase('guest', { mode: 'limit', limit: 20 });
  assert.equal(
    buy.ok ? '' : buy.message,
    'To be able to purchase Cloud credits for personal use, ask the administrator of the organization to disable your access to the organizational credits.',
  );
  assert.deepEqual(checkPersonalCreditPurchase('guest', { mode: 'disabled' }), { ok: true });
  assert.equal(checkPersonalCreditPurchase('member', { mode: 'disabled' }).ok, false);
  assert.equal(checkRequestCredits('member').ok, true);
  assert.equal(checkRequestCredits(null).ok, false);
});

test('mutation schemas: names, types and the 10,000-item cap', () => {
  // The old names' schemas, which the cloud still reads (legacy-mutations.ts), and today's.
  const old = legacyMutationArgs;
  parse(old.inviteOne, { email: 'a@b.c', role: 'guest' });
  assert.throws(() => parse(old.inviteOne, { email: 'a@b.c', role: 'owner' }), /role/);
  assert.throws(
    () => parse(old.assignProduct, { userId: 'u', purchaseId: 'p', quantity: '1' }),
    /quantity/,
  );
  const many = Array.from({ length: 10_001 }, (_, i) => ({ email: `u${i}@x.com`, role: 'guest' }));
  assert.throws(() => parse(old.inviteBatch, { invitations: many }), /10000/);
  parse(old.inviteBatch, { invitations: many.slice(0, 10_000) });
  parse(mutationArgs.invite, { invitations: [{ email: 'a@b.c', role: 'guest' }] });
  assert.throws(
    () => parse(mutationArgs.invite, { invitations: [{ email: 'a@b.c', role: 'owner' }] }),
    /role/,
  );
  const one = { userIds: ['u'], purchaseIds: ['p'] };
  assert.throws(() => parse(mutationArgs.assign, { ...one, quantity: '1' }), /quantity/);
  assert.throws(() => parse(mutationArgs.invite, { invitations: many }), /10000/);
  parse(PushRequest, { clientId: 'c', mutations: [{ id: 1, name: 'invite', args: {} }] });
  assert.throws(() =>
    parse(PushRequest, { clientId: 'c', mutations: [{ id: 0, name: 'x', args: {} }] }),
  );
});

test('one item key for pre-check, cloud, stored answer and screens', () => {
  assert.equal(itemKey('acc_1'), 'acc_1');
  assert.equal(itemKey('acc_1', 'vray-3dsmax'), 'acc_1:vray-3dsmax');
  assert.deepEqual(parseItemKey('acc_1:pur_2'), { userId: 'acc_1', subject: 'pur_2' });
  assert.deepEqual(parseItemKey('a@b.example'), { userId: 'a@b.example' });
});
