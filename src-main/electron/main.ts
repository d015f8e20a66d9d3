// Electron entry: hardens the shell, opens the core, bridges it over IPC and shows the window.
import { parseShift, shiftedClock } from '../../src-shared/clock.ts';
import { app, BrowserWindow, dialog } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eventNames, type EventName } from '../../src-shared/bridge/contract.ts';
import { createBridgeHandlers } from '../bridge/handlers.ts';
import { Core } from '../core/core.ts';
import { newLoginToken } from '../headless/login-token.ts';
import { createHeadlessServer } from '../headless/server.ts';
import { attachSeats } from '../seats/attach.ts';
import { registerAppScheme, serveRenderer } from './app-protocol.ts';
import { registerBridge, sendEvent } from './ipc.ts';
import { installSecurity } from './security.ts';
import { utilityCloudLauncher } from './cloud-process.ts';
import { checkForUpdates } from './updater.ts';
import { createMainWindow, preloadPathFrom } from './window.ts';

// dist/electron/main.js → dist/
const distDir = join(dirname(fileURLToPath(import.meta.url)), '..');

app.enableSandbox();
registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void run();
}

async function run(): Promise<void> {
  await app.whenReady();
  installSecurity();
  serveRenderer(join(distDir, 'renderer'));

  let core: Core;
  // CLM_CLOCK_SHIFT moves the app's one clock, as `clm --clock-shift` does (docs/time.md).
  const clockShiftMs = parseShift(process.env.CLM_CLOCK_SHIFT ?? '0') ?? 0;
  try {
    core = await Core.open({
      dataDir: app.getPath('userData'),
      cloudUrl: process.env.CLM_CLOUD_URL || undefined,
      clock: shiftedClock(clockShiftMs),
      clockShiftMs,
      launchCloud: utilityCloudLauncher,
    });
  } catch (err) {
    dialog.showErrorBox('Chaos License Manager cannot start', (err as Error).message);
    app.exit(1);
    return;
  }
  attachSeats(core);
  registerBridge(createBridgeHandlers(core));
  core.start();
  // Render apps on this machine take seats over the seat protocol on the license server's port.
  // The same server carries the web UI, behind a token this window never prints.
  const seatPort = Number(process.env.CLM_PORT) || 30304;
  const http = createHeadlessServer({ core, token: newLoginToken() });
  http.listen(seatPort, '127.0.0.1').catch((err: Error) => {
    core.log.warn('the license server port is not available; render apps cannot take seats', {
      port: seatPort,
      message: err.message,
    });
  });

  let win: BrowserWindow | null = createMainWindow(preloadPathFrom(distDir));
  const forward = (name: EventName) =>
    core.on(name, (payload) => {
      if (win) sendEvent(win.webContents, name, payload as never);
    });
  for (const name of eventNames) forward(name);

  app.on('second-instance', () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0)
      win = createMainWindow(preloadPathFrom(distDir));
  });
  win.on('closed', () => {
    win = null;
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  let closing = false;
  app.on('before-quit', (event) => {
    if (closing) return;
    closing = true;
    event.preventDefault();
    void http
      .close()
      .catch(() => undefined)
      .then(() => core.close())
      .finally(() => app.exit(0));
  });
  void checkForUpdates((msg) => core.log.warn(msg));
}
