// Where the app keeps its data when no --data folder is given (the same folder Electron uses).
import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_FOLDER = 'chaos-license-manager';

export function defaultDataDir(): string {
  if (process.env.CLM_DATA_DIR) return process.env.CLM_DATA_DIR;
  const home = homedir();
  if (process.platform === 'win32')
    return join(process.env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_FOLDER);
  if (process.platform === 'darwin')
    return join(home, 'Library', 'Application Support', APP_FOLDER);
  return join(process.env.XDG_CONFIG_HOME ?? join(home, '.config'), APP_FOLDER);
}
