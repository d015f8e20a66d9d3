// What the Products view shows for the signed-in account, read from the replica.
import type { MeOverview, MyOrganization } from '../../src-shared/domain/me.ts';
import type { Core } from '../core/core.ts';
import { myCredits, pendingCreditRequests, personalCredits } from './credits.ts';

export function meOverview(core: Core, now = core.now()): MeOverview {
  const account = core.account();
  const o = account.organization;
  const organization: MyOrganization | null = o
    ? {
        id: o.id,
        name: o.name,
        role: o.role,
        administratorName: o.administratorName,
        administratorEmail: o.administratorEmail,
      }
    : null;
  const user = o !== null && o.role !== 'administrator';
  return {
    organization,
    products: core.replica.licenses(),
    credits: myCredits(core, organization, now),
    personalCredits: personalCredits(core, account.id, now),
    pendingCreditRequests: user ? pendingCreditRequests(core) : 0,
    pendingInvitations: core.sync.state.invitations(
      { mine: true, status: 'pending' },
      account.email,
    ).length,
  };
}
