// The one security module of the shell (docs/requirements.md §12), applied to every webContents the app creates:
// no new windows (http(s) links go to the system browser after parsing), no navigation away, no
// <webview>, no permissions, the one CSP (src-shared/csp.ts) on every response. The decisions
// themselves are pure functions in decisions.ts.
import { app, session, shell, type Session, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../src-shared/csp.ts';
import { decideWindowOpen, navigationAllowed, permissionGranted } from './decisions.ts';

export function hardenContents(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideWindowOpen(url);
    if (decision.openExternally) void shell.openExternal(decision.openExternally);
    return { action: decision.action };
  });
  const blockNavigation = (event: Electron.Event, url: string) => {
    if (!navigationAllowed(url)) event.preventDefault();
  };
  contents.on('will-navigate', blockNavigation);
  contents.on('will-redirect', blockNavigation);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

export function hardenSession(ses: Session): void {
  ses.setPermissionRequestHandler((_wc, permission, callback) =>
    callback(permissionGranted(permission)),
  );
  ses.setPermissionCheckHandler((_wc, permission) => permissionGranted(permission));
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      },
    });
  });
}

/** Call once, before the app is ready: every webContents created later is hardened. */
export function installSecurity(): void {
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
}

/** Call once the app is ready (sessions exist only then). */
export function secureDefaultSession(): void {
  hardenSession(session.defaultSession);
}
