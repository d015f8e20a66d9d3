// The tray icon of the license server: seats in use per product, the update state, Open, Quit.
import { Menu, nativeImage, Tray, type MenuItemConstructorOptions } from 'electron';
import type { SeatSummary } from '../../src-shared/bridge/calls/seats.ts';
import { trayItems, trayTooltip, type TrayItem } from './tray-menu.ts';
import type { UpdateState } from '../../src-shared/update-state.ts';

export interface TrayActions {
  open(): void;
  quit(): void;
  restartToUpdate(): void;
  startAtLogin(on: boolean): void;
  startsAtLogin(): boolean;
}

export interface ServerTray {
  show(summary: SeatSummary | null, update: UpdateState): void;
  destroy(): void;
}

function toMenu(items: TrayItem[], actions: TrayActions): MenuItemConstructorOptions[] {
  return items.map((item): MenuItemConstructorOptions => {
    if (item.kind === 'separator') return { type: 'separator' };
    if (item.kind === 'info') return { label: item.label, enabled: false };
    const click =
      item.id === 'open'
        ? actions.open
        : item.id === 'quit'
          ? actions.quit
          : actions.restartToUpdate;
    return { label: item.label, click: () => click() };
  });
}

function loginItem(actions: TrayActions): MenuItemConstructorOptions {
  return {
    label: 'Start at login',
    type: 'checkbox',
    checked: actions.startsAtLogin(),
    click: (item) => actions.startAtLogin(item.checked),
  };
}

export function createTray(iconPath: string, actions: TrayActions): ServerTray {
  const tray = new Tray(nativeImage.createFromPath(iconPath));
  tray.on('click', () => actions.open());
  const show = (summary: SeatSummary | null, update: UpdateState) => {
    tray.setToolTip(trayTooltip(summary));
    tray.setContextMenu(
      Menu.buildFromTemplate([loginItem(actions), ...toMenu(trayItems(summary, update), actions)]),
    );
  };
  show(null, { phase: 'idle' });
  return { show, destroy: () => tray.destroy() };
}
