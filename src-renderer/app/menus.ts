// The portal's menus in its order (docs/sources.md, Navigation "Menus"), with who may see each.
import type { OrgRole } from '../../src-shared/domain/account.ts';
import type { IconName } from '../components/Icon.tsx';
import type { MenuId } from './route.ts';

export interface MenuSpec {
  id: MenuId;
  label: string;
  icon: IconName;
  /** Only accounts with this organization role see the menu. */
  onlyFor?: OrgRole;
}

export const menus: MenuSpec[] = [
  { id: 'products', label: 'Products', icon: 'products' },
  { id: 'licensing', label: 'Licensing', icon: 'licensing' },
  { id: 'organization', label: 'Organization', icon: 'organization', onlyFor: 'administrator' },
  { id: 'billing', label: 'Billing', icon: 'billing' },
  { id: 'learning', label: 'Learning', icon: 'learning' },
  { id: 'account', label: 'Account', icon: 'account' },
  { id: 'support', label: 'Support', icon: 'support' },
];

export function visibleMenus(role: OrgRole | null): MenuSpec[] {
  return menus.filter((m) => !m.onlyFor || m.onlyFor === role);
}
