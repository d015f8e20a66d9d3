// Electron entry: the process that owns the windows, the tray and the notifications, and nothing
// else. The core (SQLite, sync, the seat server, the license server's port) runs in a utility
// process (core-host.ts); the bridge is relayed to it with every sender checked (ipc.ts); every
// webContents is hardened by security.ts. Closing the window hides it: the license server keeps
// serving the render apps of this machine until Quit (docs/architecture.md "Desktop shell").
import { app, dialog, type BrowserWindow } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SeatSummary } from '../../src-shared/bridge/calls/seats.ts';
import { parseShift, shiftedClock } from '../../src-shared/clock.ts';
import { packageRoot } from '../core/package-root.ts';
import { registerAppScheme, serveRenderer } from './app-protocol.ts';
import { startCore } from './core-host.ts';
import {
  closeAction,
  DEEP_LINK_SCHEME,
  deepLinkFromArgv,
  deepLinkRoute,
  parseDeepLink,
  quitQuestion,
  startsHidden,
  type DeepLink,
} from './decisions.ts';
import { followNotices } from './desktop-notices.ts';
import { registerBridge, sendEvent } from './ipc.ts';
import { loginItem } from './login-item.ts';
import { installSecurity, secureDefaultSession } from './security.ts';
import { createTray, type ServerTray } from './tray.ts';
import { leasesHeld } from './tray-menu.ts';
import { APP_ORIGIN } from './trusted-url.ts';
import type { UpdateState } from '../../src-shared/update-state.ts';
import { startUpdates } from './updater.ts';
import { createMainWindow, preloadPathFrom } from './window.ts';

const here = dirname(fileURLToPath(import.meta.url));
// Bundled: dist/electron/main.js next to dist/electron/core.js. From source (the wiring test):
// src-main/electron/main.ts next to core-process.ts, with the built renderer in dist/.
const fromSource = import.meta.url.endsWith('.ts');
const distDir = fromSource ? join(packageRoot(), 'dist') : join(here, '..');
const coreEntry = join(here, fromSource ? 'core-process.ts' : 'core.js');
const trayIcon = join(packageRoot(), 'resources', 'icons', 'tray.png');

installSecurity();
registerAppScheme();
app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME);

if (!app.requestSingleInstanceLock()) {
  // The running instance gets our argv (with any clm:// link) through 'second-instance'.
  app.quit();
} else {
  void run();
}

async function run(): Promise<void> {
  let pendingLink: DeepLink | null = deepLinkFromArgv(process.argv);
  let win: BrowserWindow | null = null;
  // macOS hands links over with open-url, possibly before the app is ready.
  app.on('open-url', (event, url) => {
    event.preventDefault();
    const link = parseDeepLink(url);
    if (link) openLink(link);
  });
  await app.whenReady();
  secureDefaultSession();
  serveRenderer(join(distDir, 'renderer'));

  const clockShiftMs = parseShift(process.env.CLM_CLOCK_SHIFT ?? '0') ?? 0;
  const core = startCore(coreEntry, {
    dataDir: app.getPath('userData'),
    cloudUrl: process.env.CLM_CLOUD_URL || undefined,
    clockShiftMs,
    seatPort: Number(process.env.CLM_PORT) || 30304,
  });
  registerBridge((name, input) => core.call(name, input));

  let seats: SeatSummary | null = null;
  let update: UpdateState = { phase: 'idle' };
  let quitting = false;
  let restartToUpdate = () => undefined as void;
  const atLogin = loginItem();
  const tray: ServerTray = createTray(trayIcon, {
    open: () => showWindow(),
    quit: () => app.quit(),
    restartToUpdate: () => restartToUpdate(),
    // The Chaos License Server runs as a service: starting with the session is the user's choice.
    startAtLogin: (on) => atLogin.set(on),
    startsAtLogin: () => atLogin.enabled(),
  });

  // New invitations, assignments and borrow reminders notify; a click opens their place.
  followNotices(core, shiftedClock(clockShiftMs), (route) => showWindow(route));
  core.onEvent((name, payload) => {
    if (win) sendEvent(win.webContents, name, payload);
    if (name === 'seats.changed') {
      seats = payload as SeatSummary;
      tray.show(seats, update);
    }
  });

  function openWindow(): BrowserWindow {
    const w = createMainWindow(preloadPathFrom(distDir));
    w.on('close', (event) => {
      if (closeAction({ quitting }) === 'hide') {
        event.preventDefault();
        w.hide();
      }
    });
    w.on('closed', () => {
      if (win === w) win = null;
    });
    return w;
  }
  function showWindow(route?: string): void {
    win ??= openWindow();
    // Same document, new hash: an in-page route change (src-renderer/app/route.ts).
    if (route) void win.loadURL(`${APP_ORIGIN}/index.html${route}`);
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  }
  function openLink(link: DeepLink): void {
    if (!app.isReady()) {
      pendingLink = link;
      return;
    }
    showWindow(deepLinkRoute(link));
  }

  app.on('second-instance', (_event, argv) => {
    const link = deepLinkFromArgv(argv);
    if (link) openLink(link);
    else showWindow();
  });
  app.on('activate', () => showWindow());
  // With the window hidden or closed the app stays in the tray: the license server keeps serving.
  app.on('window-all-closed', () => undefined);

  let closing = false;
  app.on('before-quit', (event) => {
    if (closing) return;
    event.preventDefault();
    const question = quitQuestion(leasesHeld(seats));
    const answer = question
      ? dialog.showMessageBox({
          type: 'warning',
          buttons: ['Quit', 'Keep serving'],
          defaultId: 1,
          cancelId: 1,
          message: question,
        })
      : Promise.resolve({ response: 0 });
    void answer.then(({ response }) => {
      if (response !== 0) return;
      closing = true;
      quitting = true;
      tray.destroy();
      void core.stop().finally(() => app.exit(0));
    });
  });

  // Started at login, the server serves from the tray; the window opens when asked (or a link).
  if (!startsHidden(process.argv, app.getLoginItemSettings())) win = openWindow();
  if (pendingLink) openLink(pendingLink);

  try {
    const { cloudUrl } = await core.ready;
    const updates = await startUpdates(cloudUrl, (state) => {
      update = state;
      tray.show(seats, update);
      if (win) sendEvent(win.webContents, 'app.update', state);
    });
    if (updates) restartToUpdate = () => updates.restartToUpdate();
  } catch (err) {
    dialog.showErrorBox('Chaos License Manager cannot start', (err as Error).message);
    quitting = true;
    closing = true;
    app.exit(1);
  }
}
