// Who may buy what in the store (docs/sources.md, Portal guide §I): Members never (they use what
// their administrator allocates); a Guest buys licenses for personal use, and personal credits only
// while her access to the organizational credits is off; anyone — Members too — may apply for a
// trial or a beta.
import { GUEST_DISABLE_ORG_ACCESS_TO_BUY, MEMBERS_CANNOT_PURCHASE } from '../org/messages.ts';
import type { OrgRole } from '../domain/account.ts';

export type StoreItemKind = 'subscription' | 'credits' | 'trial' | 'beta';

export type StoreRefusal = {
  code: 'members_cannot_purchase' | 'guest_uses_org_credits';
  message: string;
};

export function checkStorePurchase(
  role: OrgRole | null,
  kind: StoreItemKind,
  orgCreditAccessOn: boolean,
): StoreRefusal | null {
  if (kind === 'trial' || kind === 'beta') return null;
  if (role === 'member')
    return { code: 'members_cannot_purchase', message: MEMBERS_CANNOT_PURCHASE };
  if (kind === 'credits' && role === 'guest' && orgCreditAccessOn)
    return { code: 'guest_uses_org_credits', message: GUEST_DISABLE_ORG_ACCESS_TO_BUY };
  return null;
}
