// What the tray shows, as pure data (tray.ts turns it into Electron's menu): seats in use per
// product, the update state, Open and Quit. Pure so it is unit-tested without Electron.
import type { SeatSummary } from '../../src-shared/bridge/calls/seats.ts';
import { describeUpdate, type UpdateState } from '../../src-shared/update-state.ts';

export type TrayItem =
  | { kind: 'info'; label: string }
  | { kind: 'separator' }
  | { kind: 'action'; id: 'open' | 'quit' | 'restart-to-update'; label: string };

export function leasesHeld(summary: SeatSummary | null): number {
  return summary ? summary.products.reduce((n, p) => n + p.inUse, 0) : 0;
}

export function trayTooltip(summary: SeatSummary | null): string {
  const held = leasesHeld(summary);
  return `Chaos License Server: ${held === 1 ? '1 seat' : `${held} seats`} in use`;
}

export function trayItems(summary: SeatSummary | null, update: UpdateState): TrayItem[] {
  const seats: TrayItem[] = summary?.products.length
    ? summary.products.map((p) => ({
        kind: 'info',
        label: `${p.product}: ${p.inUse} of ${p.total} in use`,
      }))
    : [{ kind: 'info', label: 'No seats served yet' }];
  const updateLine = describeUpdate(update);
  return [
    ...seats,
    { kind: 'separator' },
    ...(updateLine ? [{ kind: 'info', label: updateLine } satisfies TrayItem] : []),
    ...(update.phase === 'downloaded'
      ? [{ kind: 'action', id: 'restart-to-update', label: 'Restart to update' } satisfies TrayItem]
      : []),
    { kind: 'action', id: 'open', label: 'Open Chaos License Manager' },
    { kind: 'action', id: 'quit', label: 'Quit' },
  ];
}
