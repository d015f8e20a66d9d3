// Real USB dongles through node-hid. The addon is loaded on first use, so a machine where it
// cannot load (no libusb/hidraw) still runs the license server, and says why no dongle shows.
import { createRequire } from 'node:module';
import type * as NodeHidModule from 'node-hid';
import { AppError } from '../../src-shared/errors.ts';
import {
  DONGLE_USB_ID,
  type HidConnection,
  type HidDeviceInfo,
  type HidTransport,
} from './transport.ts';

type NodeHid = typeof NodeHidModule;

let loaded: NodeHid | null = null;

/** node-hid itself; throws `unavailable` saying why it could not load. */
export function loadNodeHid(): NodeHid {
  if (loaded) return loaded;
  try {
    // createRequire: node-hid is CommonJS with a native binding, loaded lazily on purpose.
    loaded = createRequire(import.meta.url)('node-hid') as NodeHid;
    return loaded;
  } catch (err) {
    throw new AppError(
      'unavailable',
      `USB dongles cannot be read here: node-hid did not load (${(err as Error).message}).`,
    );
  }
}

export class NodeHidTransport implements HidTransport {
  readonly name = 'usb';

  constructor(private readonly usbId: { vendorId: number; productId: number } = DONGLE_USB_ID) {}

  async list(): Promise<HidDeviceInfo[]> {
    const hid = loadNodeHid();
    const found = await hid.devicesAsync(this.usbId.vendorId, this.usbId.productId);
    return found.flatMap((d) =>
      d.path ? [{ path: d.path, vendorId: d.vendorId, productId: d.productId }] : [],
    );
  }

  async open(path: string): Promise<HidConnection> {
    const device = await loadNodeHid().HIDAsync.open(path, { nonExclusive: true });
    return {
      // node-hid's first byte is the report id; the dongle's reports are unnumbered (0).
      write: async (report) => {
        await device.write(Buffer.concat([Buffer.from([0]), Buffer.from(report)]));
      },
      read: async (timeoutMs) => {
        const data = await device.read(Math.max(1, Math.round(timeoutMs)));
        return data && data.length > 0 ? new Uint8Array(data) : null;
      },
      close: () => device.close(),
    };
  }
}
