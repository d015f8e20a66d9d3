// The one interface between the dongle host and a HID device: node-hid for real devices
// (node-hid-transport.ts), the emulator for software dongles (emulator-bus.ts). Both carry the
// same 64-byte reports (docs/dongle-hid-protocol.md).

/** The USB ids the enumeration looks for (docs/dongle-hid-protocol.md, "Device"). */
export const DONGLE_USB_ID = { vendorId: 0x1209, productId: 0xc1a0 } as const;

export interface HidDeviceInfo {
  /** Stable while the device stays attached. */
  path: string;
  vendorId: number;
  productId: number;
}

export interface HidConnection {
  /** Sends one 64-byte report. */
  write(report: Uint8Array): Promise<void>;
  /** The next report, or null when none arrived within `timeoutMs`; throws when the device is gone. */
  read(timeoutMs: number): Promise<Uint8Array | null>;
  close(): Promise<void>;
}

export interface HidTransport {
  /** `usb` or `emulator`: shown next to each dongle. */
  readonly name: string;
  /** The attached devices with the dongle's USB ids. Throws when the transport cannot run. */
  list(): Promise<HidDeviceInfo[]>;
  open(path: string): Promise<HidConnection>;
}
