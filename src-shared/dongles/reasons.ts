// Why a dongle was refused: one stable code per failed check (for programs and tests) and the
// message a person reads (docs/dongle-hid-protocol.md, "Failures").

export type DongleReason =
  | 'timeout'
  | 'truncated_report'
  | 'bad_checksum'
  | 'bad_report'
  | 'device_error'
  | 'disconnected'
  | 'open_failed'
  | 'bad_block'
  | 'bad_vendor_signature'
  | 'serial_mismatch'
  | 'expired'
  | 'replayed_answer'
  | 'bad_device_signature'
  | 'duplicate_serial';

const reasons = new Set<string>([
  'timeout',
  'truncated_report',
  'bad_checksum',
  'bad_report',
  'device_error',
  'disconnected',
  'open_failed',
  'bad_block',
  'bad_vendor_signature',
  'serial_mismatch',
  'expired',
  'replayed_answer',
  'bad_device_signature',
  'duplicate_serial',
]);

export function isReason(code: string): code is DongleReason {
  return reasons.has(code);
}

/** What the host was doing when a transfer failed, e.g. "reading the license block". */
export type ExchangeName = 'get-info' | 'read-block' | 'challenge';

const doing: Record<ExchangeName, string> = {
  'get-info': 'reading its serial number',
  'read-block': 'reading its license block',
  challenge: 'answering the presence challenge',
};

export const dongleMessages = {
  timeout: (x: ExchangeName, ms: number) =>
    `The dongle did not answer within ${ms} ms while ${doing[x]}.`,
  truncatedReport: (x: ExchangeName, got: number, want: number) =>
    `The dongle sent a truncated report (${got} of ${want} bytes) while ${doing[x]}.`,
  badChecksum: (x: ExchangeName) =>
    `A report failed its checksum (CRC-32) while ${doing[x]}: the transfer was corrupted.`,
  badReport: (x: ExchangeName, detail: string) =>
    `The dongle sent a malformed report while ${doing[x]}: ${detail}.`,
  deviceError: (x: ExchangeName, detail: string) =>
    `The dongle reported an error while ${doing[x]}: ${detail}.`,
  disconnected: (x: ExchangeName) => `The dongle was unplugged while ${doing[x]}.`,
  openFailed: (detail: string) =>
    `The dongle could not be opened (${detail}). On Linux, the user needs read/write access to its hidraw device (a udev rule).`,
  badBlock: (detail: string) => `The dongle's license block cannot be read: ${detail}.`,
  badVendorSignature: () =>
    'The license block is not signed by the vendor key this app trusts: it was altered or made by someone else.',
  serialMismatch: (blockSerial: string, serial: string) =>
    `The license block belongs to dongle ${blockSerial}, not to this dongle (${serial}): it was copied from another dongle.`,
  expired: (isoDate: string) => `The dongle's licenses expired on ${isoDate}.`,
  replayedAnswer: () =>
    'The dongle answered an earlier challenge, not the one just sent: a replayed answer does not prove the dongle is present.',
  badDeviceSignature: () =>
    "The dongle's answer to the challenge is not signed by the device key in its license block.",
  duplicateSerial: (serial: string) =>
    `Another attached dongle already has serial ${serial}: only the first one's seats count.`,
};
