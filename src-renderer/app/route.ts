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

/**
 * `#/products/invitation/<id>` (where a clm://invitation link or a desktop notification opens the
 * window, src-main/electron/decisions.ts): that invitation's prompt; without an id, the first
 * pending one. Any other address: null.
 */
export function invitationFromHash(hash: string): { invitationId: string | null } | null {
  const [menu, tab, id, ...rest] = hash.replace(/^#\/?/, '').split('/');
  if (menu !== 'products' || tab !== 'invitation' || rest.length) return null;
  if (!id) return { invitationId: null };
  try {
    return { invitationId: decodeURIComponent(id) };
  } catch {
    return { invitationId: id };
  }
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useHash(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash);
}

export function useRoute(landing: MenuId = DEFAULT_MENU): Route {
  return parseHash(useHash(), landing);
}
