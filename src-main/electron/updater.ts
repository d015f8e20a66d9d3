// Updates through electron-updater's generic provider, from the cloud server's feed
// (`clm cloud --updates DIR` serves latest*.yml and the installers under /updates/): checked on
// start and daily, downloaded in the background, then the user is asked to restart.
import { app, dialog } from 'electron';
import { updateFeedUrl } from './update-feed-url.ts';
import type { UpdateState } from '../../src-shared/update-state.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Only a packaged build updates itself (a development run has no installer to replace). */
export async function startUpdates(
  cloudUrl: string,
  onState: (state: UpdateState) => void,
): Promise<{ restartToUpdate(): void } | null> {
  if (!app.isPackaged) return null;
  const { autoUpdater } = await import('electron-updater');
  autoUpdater.setFeedURL({ provider: 'generic', url: updateFeedUrl(cloudUrl) });
  autoUpdater.autoDownload = true;
  autoUpdater.autoInstallOnAppQuit = true;
  autoUpdater.on('checking-for-update', () => onState({ phase: 'checking' }));
  autoUpdater.on('update-not-available', (info) =>
    onState({ phase: 'current', version: info.version }),
  );
  autoUpdater.on('download-progress', (p) =>
    onState({ phase: 'downloading', version: '', percent: p.percent }),
  );
  autoUpdater.on('update-downloaded', (info) => {
    onState({ phase: 'downloaded', version: info.version });
    void dialog
      .showMessageBox({
        type: 'info',
        buttons: ['Restart now', 'Later'],
        defaultId: 0,
        cancelId: 1,
        message: `Chaos License Manager ${info.version} is ready to install.`,
        detail: 'Restart now to install it, or it is installed the next time you quit.',
      })
      .then(({ response }) => {
        if (response === 0) autoUpdater.quitAndInstall();
      });
  });
  autoUpdater.on('error', (err) => onState({ phase: 'failed', message: err.message }));
  const check = () => void autoUpdater.checkForUpdates().catch(() => undefined);
  check();
  setInterval(check, DAY_MS).unref();
  return { restartToUpdate: () => autoUpdater.quitAndInstall() };
}
