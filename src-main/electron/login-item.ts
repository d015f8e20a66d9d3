// Start at login, as the Chaos License Server runs as a service (docs/requirements.md §1.1): Electron's login item
// on Windows and macOS; on Linux, where Electron has none, an XDG autostart entry. Either way the
// app then starts hidden in the tray (decisions.ts startsHidden).
import { app } from 'electron';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { autostartEntry, HIDDEN_AT_LOGIN, loginItemSettings } from './decisions.ts';

export interface LoginItem {
  enabled(): boolean;
  set(on: boolean): void;
}

export function loginItem(platform: NodeJS.Platform = process.platform): LoginItem {
  if (platform !== 'linux')
    return {
      enabled: () => app.getLoginItemSettings({ args: [HIDDEN_AT_LOGIN] }).openAtLogin,
      set: (on) => app.setLoginItemSettings(loginItemSettings(on)),
    };
  // appData is $XDG_CONFIG_HOME (~/.config) on Linux.
  const dir = join(app.getPath('appData'), 'autostart');
  const file = join(dir, 'chaos-license-manager.desktop');
  return {
    enabled: () => existsSync(file),
    set(on) {
      if (!on) return rmSync(file, { force: true });
      mkdirSync(dir, { recursive: true });
      writeFileSync(file, autostartEntry(process.env.APPIMAGE || process.execPath));
    },
  };
}
