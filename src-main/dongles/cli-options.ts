// What `clm dongles` does: list the attached dongles once (real USB through node-hid), or run
// the license server with software dongles plugged in (`clm dongles emulate FILE…`).
import type { DongleList } from '../../src-shared/bridge/calls/dongles.ts';
import type { Clock } from '../../src-shared/clock.ts';
import { AppError } from '../../src-shared/errors.ts';
import type { DongleOptions } from './attach.ts';
import { EmulatorBus, loadEmulatedDongle } from './emulator-bus.ts';
import { demoVendorKeys, productVendorKeys } from './keys.ts';
import { DongleManager } from './manager.ts';
import { NodeHidTransport } from './node-hid-transport.ts';

/** Enumerates and verifies once; nothing joins a pool. */
export async function listDonglesOnce(clock: Clock): Promise<DongleList> {
  const manager = new DongleManager(
    { addSource: () => undefined, removeSource: () => undefined },
    { transports: [new NodeHidTransport()], vendorKeys: productVendorKeys(), pollMs: 0, clock },
  );
  await manager.poll();
  await manager.close();
  return manager.list();
}

/**
 * The dongle options of `clm dongles emulate FILE…`: real USB devices and the software dongles
 * of the files. A demo file is signed with the demo vendor key, so this command (and only
 * this one) trusts that key beside the product's.
 */
export function emulatedDongles(
  files: string[],
  clock: Clock,
): { options: DongleOptions; serials: string[] } {
  if (files.length === 0)
    throw new AppError(
      'bad_request',
      'Give the emulator file, e.g. `clm dongles emulate resources/dongles/demo-valid.json`',
    );
  const bus = new EmulatorBus();
  const serials = files.map((f) => {
    const d = loadEmulatedDongle(f, clock);
    bus.plug(d);
    return d.serial;
  });
  return {
    options: {
      transports: [new NodeHidTransport(), bus],
      vendorKeys: [...productVendorKeys(), ...demoVendorKeys()],
    },
    serials,
  };
}
