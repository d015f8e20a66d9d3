// The emulator's "USB bus": software dongles plugged in and out, enumerated and opened through
// the same HidTransport interface as node-hid (transport.ts).
import { readFileSync } from 'node:fs';
import type { Clock } from '../../src-shared/clock.ts';
import { parseEmulatorConfig } from '../../src-shared/dongles/emulator-config.ts';
import { AppError } from '../../src-shared/errors.ts';
import { EmulatedDongle, type EmulatedConnection } from './emulator.ts';
import {
  DONGLE_USB_ID,
  type HidConnection,
  type HidDeviceInfo,
  type HidTransport,
} from './transport.ts';

export class EmulatorBus implements HidTransport {
  readonly name = 'emulator';
  private readonly devices = new Map<string, EmulatedDongle>();
  private readonly open_ = new Map<string, Set<EmulatedConnection>>();
  private n = 0;

  /** Plugs a dongle in; answers its device path. */
  plug(dongle: EmulatedDongle): string {
    const path = `emulator/${++this.n}/${dongle.serial}`;
    dongle.attached = true;
    this.devices.set(path, dongle);
    return path;
  }

  unplug(path: string): void {
    const d = this.devices.get(path);
    if (!d) return;
    d.attached = false;
    this.devices.delete(path);
    for (const c of this.open_.get(path) ?? []) c.unplugged();
  }

  async list(): Promise<HidDeviceInfo[]> {
    for (const [path, d] of this.devices) if (!d.attached) this.devices.delete(path);
    return [...this.devices.keys()].map((path) => ({ path, ...DONGLE_USB_ID }));
  }

  async open(path: string): Promise<HidConnection> {
    const d = this.devices.get(path);
    if (!d?.attached) throw new AppError('not_found', `No emulated dongle at ${path}.`);
    const conn = d.connect();
    const set = this.open_.get(path) ?? new Set();
    set.add(conn);
    this.open_.set(path, set);
    return {
      write: (r) => conn.write(r),
      read: (ms) => conn.read(ms),
      close: async () => {
        set.delete(conn);
        await conn.close();
      },
    };
  }
}

/** A software dongle from a JSON file (docs/dongle-hid-protocol.md, "Emulator"). */
export function loadEmulatedDongle(file: string, clock: Clock): EmulatedDongle {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new AppError(
      'bad_request',
      `${file} is not a readable JSON file: ${(err as Error).message}`,
    );
  }
  return new EmulatedDongle(parseEmulatorConfig(json, file), clock);
}
