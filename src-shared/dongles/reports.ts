// The dongle's HID report framing (docs/dongle-hid-protocol.md, "Reports"): fixed 64-byte
// reports, a message split over up to 255 of them, each with a CRC-32. Both the host
// (src-main/dongles) and the emulator use these, so they cannot drift apart.
import { AppError } from '../errors.ts';
import { crc32 } from './crc32.ts';
import { dongleMessages, type ExchangeName } from './reasons.ts';

export const REPORT_SIZE = 64;
export const HEADER_SIZE = 8;
export const PAYLOAD_PER_REPORT = 52;
export const CRC_OFFSET = 60;
export const PROTOCOL_VERSION = 0x01;
export const MAX_REPORTS = 255;

export const Cmd = { getInfo: 0x01, readBlock: 0x02, challenge: 0x03 } as const;
/** An answer's type is its request's type with this bit set. */
export const ANSWER_BIT = 0x80;
export const ERROR_TYPE = 0xff;

/** Codes of an error report's first payload byte. */
export const DeviceError = { unknownCommand: 0x01, badRequest: 0x02, busy: 0x03 } as const;

export const exchangeOf: Record<number, ExchangeName> = {
  [Cmd.getInfo]: 'get-info',
  [Cmd.readBlock]: 'read-block',
  [Cmd.challenge]: 'challenge',
};

/** Splits one message into its reports (at least one, also for an empty payload). */
export function encodeMessage(type: number, exchangeId: number, payload: Uint8Array): Uint8Array[] {
  const count = Math.max(1, Math.ceil(payload.length / PAYLOAD_PER_REPORT));
  if (count > MAX_REPORTS || payload.length > 0xffff)
    throw new AppError('bad_request', `A dongle message of ${payload.length} bytes is too long.`);
  const reports: Uint8Array[] = [];
  for (let i = 0; i < count; i++) {
    const part = payload.subarray(i * PAYLOAD_PER_REPORT, (i + 1) * PAYLOAD_PER_REPORT);
    const r = new Uint8Array(REPORT_SIZE);
    r[0] = PROTOCOL_VERSION;
    r[1] = type;
    r[2] = exchangeId;
    r[3] = i;
    r[4] = count;
    r[5] = payload.length >> 8;
    r[6] = payload.length & 0xff;
    r[7] = part.length;
    r.set(part, HEADER_SIZE);
    new DataView(r.buffer).setUint32(CRC_OFFSET, crc32(r, 0, CRC_OFFSET));
    reports.push(r);
  }
  return reports;
}

export function errorPayload(code: number, text: string): Uint8Array {
  const t = new TextEncoder().encode(text).subarray(0, 200);
  const p = new Uint8Array(1 + t.length);
  p[0] = code;
  p.set(t, 1);
  return p;
}

export interface Message {
  type: number;
  exchangeId: number;
  payload: Uint8Array;
}

/**
 * Collects the reports of one message in order and checks each: size, checksum, version,
 * type, exchange id, position, lengths. A failed check throws an AppError whose code is the
 * refusal reason (`truncated_report`, `bad_checksum`, `bad_report`, `device_error`).
 */
export class Reassembler {
  private parts: Uint8Array[] = [];
  private count = 0;
  private length = 0;
  private type: number | undefined;
  private exchangeId: number | undefined;

  /** `type`/`exchangeId` undefined: taken from the first report (the device's side). */
  constructor(
    private readonly name: ExchangeName,
    expect: { type?: number; exchangeId?: number } = {},
  ) {
    this.type = expect.type;
    this.exchangeId = expect.exchangeId;
  }

  /** Adds one report; answers the whole message once its last report arrived. */
  push(report: Uint8Array): Message | null {
    const x = this.name;
    if (report.length < REPORT_SIZE)
      throw new AppError(
        'truncated_report',
        dongleMessages.truncatedReport(x, report.length, REPORT_SIZE),
      );
    const view = new DataView(report.buffer, report.byteOffset, REPORT_SIZE);
    if (view.getUint32(CRC_OFFSET) !== crc32(report, 0, CRC_OFFSET))
      throw new AppError('bad_checksum', dongleMessages.badChecksum(x));
    const bad = (detail: string) => new AppError('bad_report', dongleMessages.badReport(x, detail));
    if (report[0] !== PROTOCOL_VERSION) throw bad(`protocol version ${report[0]}, expected 1`);
    const [, type, id, index, count] = report as unknown as number[];
    const length = view.getUint16(5);
    const size = report[7]!;
    if (type === ERROR_TYPE && this.parts.length === 0 && count === 1) {
      const text = new TextDecoder().decode(report.subarray(HEADER_SIZE + 1, HEADER_SIZE + size));
      throw new AppError(
        'device_error',
        dongleMessages.deviceError(x, `code ${report[HEADER_SIZE]}: ${text}`),
      );
    }
    if (this.type !== undefined && type !== this.type)
      throw bad(`type 0x${hex(type!)}, expected 0x${hex(this.type)}`);
    if (this.exchangeId !== undefined && id !== this.exchangeId)
      throw bad(`exchange ${id}, expected ${this.exchangeId} (a stale answer)`);
    if (index !== this.parts.length)
      throw bad(`report ${index} arrived, expected ${this.parts.length}`);
    if (index === 0) {
      this.count = count!;
      this.length = length;
      this.type = type;
      this.exchangeId = id;
      if (count !== Math.max(1, Math.ceil(length / PAYLOAD_PER_REPORT)))
        throw bad(`${count} reports cannot carry ${length} bytes`);
    } else if (count !== this.count || length !== this.length)
      throw bad('the header changed mid-transfer');
    const want = Math.min(PAYLOAD_PER_REPORT, length - index! * PAYLOAD_PER_REPORT);
    if (size !== want) throw bad(`report ${index} carries ${size} bytes, expected ${want}`);
    this.parts.push(report.slice(HEADER_SIZE, HEADER_SIZE + size));
    if (this.parts.length < this.count) return null;
    const payload = new Uint8Array(this.length);
    this.parts.forEach((p, i) => payload.set(p, i * PAYLOAD_PER_REPORT));
    return { type: this.type!, exchangeId: this.exchangeId!, payload };
  }
}

function hex(n: number): string {
  return n.toString(16).padStart(2, '0');
}
