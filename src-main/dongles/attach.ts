// Plugs the dongles into the license server: a DongleManager feeding the seat service's pool,
// its bridge handler (`dongles.list`) and its event (`dongles.changed`).
import type { KeyObject } from 'node:crypto';
import type { BridgeEvents, BridgeHandlers } from '../../src-shared/bridge/contract.ts';
import type { Clock } from '../../src-shared/clock.ts';
import { productVendorKeys } from './keys.ts';
import { DongleManager, type SeatSink } from './manager.ts';
import { NodeHidTransport } from './node-hid-transport.ts';
import type { HidTransport } from './transport.ts';

export interface DongleOptions {
  /** Default: real USB devices through node-hid. */
  transports?: HidTransport[];
  /** Default: the product's pinned vendor key only (keys.ts). */
  vendorKeys?: KeyObject[];
  pollMs?: number;
  timeoutMs?: number;
}

export interface AttachedDongles {
  manager: DongleManager;
  handlers: Pick<BridgeHandlers, 'dongles.list'>;
  close(): Promise<void>;
}

export function attachDongles(
  sink: SeatSink,
  publish: (list: BridgeEvents['dongles.changed']) => void,
  opts: DongleOptions & { clock?: Clock } = {},
): AttachedDongles {
  const manager = new DongleManager(sink, {
    transports: opts.transports ?? [new NodeHidTransport()],
    vendorKeys: opts.vendorKeys ?? productVendorKeys(),
    clock: opts.clock,
    pollMs: opts.pollMs,
    timeoutMs: opts.timeoutMs,
  });
  const off = manager.onChange(publish);
  manager.start();
  return {
    manager,
    handlers: { 'dongles.list': () => manager.list() },
    close: async () => {
      off();
      await manager.close();
    },
  };
}
