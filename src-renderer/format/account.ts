// Labels for an account's place in an organization.
import type { OrgRole } from '../../src-shared/domain/account.ts';

export const roleLabel: Record<OrgRole, string> = {
  administrator: 'Administrator',
  member: 'Member',
  guest: 'Guest',
};
