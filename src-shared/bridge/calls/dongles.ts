// Bridge calls and view types of the USB dongles (docs/requirements.md §8): each attached dongle, its state,
// its seats, and the reason when it was refused.
import { call, NoInput } from '../define.ts';
import type { DongleReason } from '../../dongles/reasons.ts';

export type DongleState = 'checking' | 'verified' | 'refused';

export interface DongleLicenseView {
  product: string;
  name: string;
  seats: number;
}

export interface DongleView {
  /** Stable while the dongle stays attached: the transport's name and device path. */
  id: string;
  /** `usb` for a real device, `emulator` for a software dongle. */
  transport: string;
  serial: string | null;
  firmware: string | null;
  state: DongleState;
  licenses: DongleLicenseView[];
  /** Seats this dongle adds to the pool: 0 unless verified. */
  seats: number;
  /** ISO time the licenses expire; null when they never do or the block was not read. */
  expiresAt: string | null;
  /** ISO time the dongle was first seen. */
  since: string;
  /** Which check failed, when refused. */
  reason?: { code: DongleReason; message: string };
}

export interface DongleTransportView {
  name: string;
  /** False when the transport cannot run here (e.g. node-hid failed to load). */
  available: boolean;
  message?: string;
}

export interface DongleList {
  /** ISO time of the last enumeration. */
  at: string;
  /** The USB vendor and product id the enumeration looks for, as 4 hex digits each. */
  usbId: string;
  transports: DongleTransportView[];
  dongles: DongleView[];
}

export const dongleCalls = {
  'dongles.list': call<DongleList>()(
    NoInput,
    'The USB dongles attached to this machine: serial, state, seats, and why one was refused',
  ),
};
