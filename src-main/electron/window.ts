// The main window: isolated, sandboxed, no Node in the renderer, loads the built UI.
import { BrowserWindow } from 'electron';
import { join } from 'node:path';
import { APP_ORIGIN } from './trusted-url.ts';

export function createMainWindow(preloadPath: string, iconPath?: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Chaos License Manager',
    backgroundColor: '#0f1726',
    ...(iconPath ? { icon: iconPath } : {}),
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
      // A middle click would open a link in a new window (electronegativity AUXCLICK_JS_CHECK).
      disableBlinkFeatures: 'Auxclick',
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}

export function preloadPathFrom(distDir: string): string {
  return join(distDir, 'preload', 'preload.cjs');
}
