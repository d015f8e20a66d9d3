// Auto-update through electron-updater, only in a packaged build with a publish feed.
import { app } from 'electron';

export async function checkForUpdates(log: (msg: string) => void): Promise<void> {
  if (!app.isPackaged) return;
  try {
    const { autoUpdater } = await import('electron-updater');
    autoUpdater.autoDownload = true;
    autoUpdater.on('error', (err) => log(`update check failed: ${err.message}`));
    await autoUpdater.checkForUpdatesAndNotify();
  } catch (err) {
    log(`update check failed: ${(err as Error).message}`);
  }
}
