// Hash-based navigation (#/menu/tab): works from Electron's app:// files and the headless page alike.
import { useSyncExternalStore } from 'react';

export type MenuId =
  'products' | 'licensing' | 'organization' | 'billing' | 'learning' | 'account' | 'support';

export interface Route {
  menu: MenuId;
  tab: string | null;
}

const menus: MenuId[] = [
  'products',
  'licensing',
  'organization',
  'billing',
  'learning',
  'account',
  'support',
];

export const DEFAULT_MENU: MenuId = 'licensing';

/** Where an account lands with no address: the administrator on Organization (issue 18). */
export function landingMenu(role: string | null): MenuId {
  return role === 'administrator' ? 'organization' : DEFAULT_MENU;
}

export function parseHash(hash: string, landing: MenuId = DEFAULT_MENU): Route {
  const [menu, tab] = hash.replace(/^#\/?/, '').split('/');
  const known = menus.find((m) => m === menu);
  return known ? { menu: known, tab: tab || null } : { menu: landing, tab: null };
}

export function href(menu: MenuId, tab?: string): string {
  return tab ? `#/${menu}/${tab}` : `#/${menu}`;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(landing: MenuId = DEFAULT_MENU): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseHash(hash, landing);
}
