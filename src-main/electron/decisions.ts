// Every decision the desktop shell takes, as pure functions of parsed input (docs/requirements.md §12), so each is
// unit-tested under plain Node (test/electron/decisions.test.ts) where Electron cannot run.
import { isTrustedRendererUrl } from './trusted-url.ts';

/** What a request to open a new window becomes: never a window; maybe the system browser. */
export interface WindowOpenDecision {
  action: 'deny';
  /** An http(s) URL, re-serialized after parsing, to hand to the system browser. */
  openExternally: string | null;
}

/**
 * An http(s) link without credentials goes to the system browser (after parsing, re-serialized so
 * what is opened is what was checked); every other scheme (file:, javascript:, custom
 * protocols that would launch programs) is refused.
 */
export function externalLink(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.username || url.password || !url.hostname) return null;
  return url.href;
}

export function decideWindowOpen(raw: string): WindowOpenDecision {
  return { action: 'deny', openExternally: externalLink(raw) };
}

/**
 * `will-navigate` / `will-redirect`: the window never leaves the app's own pages (a reload of
 * app://renderer stays allowed; in-page hash routes do not fire these events).
 */
export function navigationAllowed(raw: string): boolean {
  return isTrustedRendererUrl(raw);
}

/** No permission (camera, notifications from the page, geolocation, …) is ever granted to a page. */
export function permissionGranted(_permission: string): false {
  return false;
}

/** The part of an IPC event's sender frame the check reads (null when it navigated or died). */
export interface SenderFrame {
  url: string;
  parent: unknown;
}

export const FORBIDDEN_SENDER = 'This window may not use the bridge.';

/** The bridge answers only the app's own top-level frame, by its parsed URL. */
export function senderAllowed(frame: SenderFrame | null | undefined): boolean {
  return !!frame && frame.parent === null && isTrustedRendererUrl(frame.url);
}

export const DEEP_LINK_SCHEME = 'clm';

export type DeepLink = { kind: 'invitation'; id: string };

/** An invitation id as the cloud issues them (ids.ts): letters, digits, `_` and `-`. */
const ID = /^[A-Za-z0-9_-]{1,100}$/;

/** `clm://invitation/<id>` (or `clm://invite/<id>`) → the invitation to open; else null. */
export function parseDeepLink(raw: string): DeepLink | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== `${DEEP_LINK_SCHEME}:`) return null;
  if (url.username || url.password || url.search || url.hash) return null;
  // The cloud's mails and notices write clm://invite/<id> (docs/organization-api.md): same link.
  if (url.hostname !== 'invitation' && url.hostname !== 'invite') return null;
  const parts = url.pathname.split('/').filter(Boolean);
  if (parts.length !== 1) return null;
  const id = decodeURIComponent(parts[0] ?? '');
  return ID.test(id) ? { kind: 'invitation', id } : null;
}

/** The first clm:// link on a command line (Windows and Linux pass it to the second instance). */
export function deepLinkFromArgv(argv: readonly string[]): DeepLink | null {
  for (const arg of argv) {
    if (!arg.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}:`)) continue;
    const link = parseDeepLink(arg);
    if (link) return link;
  }
  return null;
}

/** The renderer's hash route that opens an invitation (src-renderer/app/route.ts). */
export function deepLinkRoute(link: DeepLink): string {
  return `#/products/invitation/${encodeURIComponent(link.id)}`;
}

/**
 * Closing the window hides it unless the app is quitting: the license server keeps serving
 * the render apps of this machine (docs/requirements.md §1.1).
 */
export function closeAction(state: { quitting: boolean }): 'hide' | 'close' {
  return state.quitting ? 'close' : 'hide';
}

/** Quitting stops the license server: when seats are held, the user is asked first. */
export function quitQuestion(leasesHeld: number): string | null {
  if (leasesHeld <= 0) return null;
  const seats = leasesHeld === 1 ? '1 seat is' : `${leasesHeld} seats are`;
  return `${seats} in use on this license server. Quitting stops it, and render apps lose their licenses. Quit anyway?`;
}

/** The flag the login item starts the app with: the server runs in the tray, no window. */
export const HIDDEN_AT_LOGIN = '--hidden';

/** Started by the session's login item (Windows passes the flag; macOS says so): no window. */
export function startsHidden(
  argv: readonly string[],
  login: { wasOpenedAtLogin?: boolean },
): boolean {
  return argv.includes(HIDDEN_AT_LOGIN) || login.wasOpenedAtLogin === true;
}

/** The Windows and macOS login item (Electron's app.setLoginItemSettings). */
export function loginItemSettings(on: boolean): { openAtLogin: boolean; args: string[] } {
  return { openAtLogin: on, args: [HIDDEN_AT_LOGIN] };
}

/**
 * Linux has no login item in Electron: the XDG autostart entry starts the app hidden. `exec` is
 * the AppImage file when run from one (its mount point changes at every start), else the binary.
 */
export function autostartEntry(exec: string): string {
  // Quoted as the Desktop Entry spec's Exec key says, then escaped as any of its string values.
  const quoted = `"${exec.replace(/(["`$\\])/g, '\\$1')}"`.replace(/\\/g, '\\\\');
  const field = quoted.replace(/%/g, '%%');
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Chaos License Manager',
    'Comment=The Chaos License Server for the render apps of this machine',
    `Exec=${field} ${HIDDEN_AT_LOGIN}`,
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}
