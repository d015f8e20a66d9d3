// The dongle's license block and the messages its signatures cover
// (docs/dongle-hid-protocol.md, "License block" and "Signatures"). Pure bytes, no I/O:
// src-main/dongles verifies the signatures with node:crypto.
import { AppError } from '../errors.ts';
import { dongleMessages } from './reasons.ts';

export const BLOCK_VERSION = 0x01;
export const KEY_SIZE = 32;
export const SIGNATURE_SIZE = 64;
export const NONCE_SIZE = 32;
export const MAX_SERIAL = 32;
export const MAX_LICENSES = 16;

/** Domain tags: a signature over one kind of message can never pass for another kind. */
const BLOCK_TAG = 'CLM dongle block v1\0';
const CHALLENGE_TAG = 'CLM dongle challenge v1\0';

export interface BlockLicense {
  product: string;
  name: string;
  seats: number;
}

export interface LicenseBlock {
  serial: string;
  /** The device's Ed25519 public key, raw 32 bytes. */
  deviceKey: Uint8Array;
  /** Seconds since the epoch; 0 when the licenses never expire. */
  expiresAt: number;
  licenses: BlockLicense[];
}

export interface DeviceInfo {
  serial: string;
  firmware: string;
}

const enc = new TextEncoder();
const dec = new TextDecoder('utf-8', { fatal: true });

class Writer {
  private bytes: number[] = [];
  u8(n: number): this {
    this.bytes.push(n & 0xff);
    return this;
  }
  u16(n: number): this {
    return this.u8(n >> 8).u8(n);
  }
  u32(n: number): this {
    return this.u16(Math.floor(n / 0x10000)).u16(n % 0x10000);
  }
  raw(b: Uint8Array): this {
    for (const x of b) this.bytes.push(x);
    return this;
  }
  /** A text with a one-byte length before it. */
  text(s: string, max: number, what: string): this {
    const b = enc.encode(s);
    if (b.length === 0 || b.length > max)
      throw new AppError('bad_request', `${what} must be 1-${max} bytes, not ${b.length}`);
    return this.u8(b.length).raw(b);
  }
  done(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }
}

class Reader {
  private at = 0;
  constructor(
    private readonly b: Uint8Array,
    private readonly fail: (detail: string) => AppError,
  ) {}
  take(n: number, what: string): Uint8Array {
    if (this.at + n > this.b.length) throw this.fail(`it ends inside the ${what}`);
    const out = this.b.subarray(this.at, this.at + n);
    this.at += n;
    return out;
  }
  u8(what: string): number {
    return this.take(1, what)[0]!;
  }
  u16(what: string): number {
    const b = this.take(2, what);
    return (b[0]! << 8) | b[1]!;
  }
  u32(what: string): number {
    return this.u16(what) * 0x10000 + this.u16(what);
  }
  text(what: string): string {
    const n = this.u8(what);
    if (n === 0) throw this.fail(`the ${what} is empty`);
    try {
      return dec.decode(this.take(n, what));
    } catch {
      throw this.fail(`the ${what} is not UTF-8`);
    }
  }
  end(): void {
    if (this.at !== this.b.length)
      throw this.fail(`${this.b.length - this.at} bytes follow its end`);
  }
}

export function encodeBlock(b: LicenseBlock): Uint8Array {
  if (b.deviceKey.length !== KEY_SIZE)
    throw new AppError('bad_request', 'The device key must be 32 bytes.');
  if (b.licenses.length < 1 || b.licenses.length > MAX_LICENSES)
    throw new AppError('bad_request', `A block holds 1-${MAX_LICENSES} licenses.`);
  const w = new Writer()
    .u8(BLOCK_VERSION)
    .text(b.serial, MAX_SERIAL, 'The serial')
    .raw(b.deviceKey)
    .u32(b.expiresAt)
    .u8(b.licenses.length);
  for (const l of b.licenses) {
    if (!Number.isInteger(l.seats) || l.seats < 1 || l.seats > 0xffff)
      throw new AppError('bad_request', `Seats of ${l.product} must be 1-65535.`);
    w.text(l.product, 100, 'A product code').u16(l.seats).text(l.name, 100, 'A product name');
  }
  return w.done();
}

export function decodeBlock(bytes: Uint8Array): LicenseBlock {
  const r = new Reader(bytes, (d) => new AppError('bad_block', dongleMessages.badBlock(d)));
  const version = r.u8('version');
  if (version !== BLOCK_VERSION)
    throw new AppError(
      'bad_block',
      dongleMessages.badBlock(`format version ${version}, expected 1`),
    );
  const serial = r.text('serial');
  const deviceKey = r.take(KEY_SIZE, 'device key').slice();
  const expiresAt = r.u32('expiry');
  const n = r.u8('license count');
  if (n < 1 || n > MAX_LICENSES)
    throw new AppError(
      'bad_block',
      dongleMessages.badBlock(`${n} licenses (1-${MAX_LICENSES} allowed)`),
    );
  const licenses: BlockLicense[] = [];
  for (let i = 0; i < n; i++) {
    const product = r.text('product code');
    const seats = r.u16('seat count');
    licenses.push({ product, seats, name: r.text('product name') });
  }
  r.end();
  return { serial, deviceKey, expiresAt, licenses };
}

/** READ_BLOCK's answer: the block's length, the block, the vendor's signature. */
export function encodeBlockAnswer(block: Uint8Array, signature: Uint8Array): Uint8Array {
  return new Writer().u16(block.length).raw(block).raw(signature).done();
}

export function decodeBlockAnswer(p: Uint8Array): { block: Uint8Array; signature: Uint8Array } {
  const r = new Reader(p, (d) => new AppError('bad_block', dongleMessages.badBlock(d)));
  const block = r.take(r.u16('block length'), 'block').slice();
  const signature = r.take(SIGNATURE_SIZE, 'vendor signature').slice();
  r.end();
  return { block, signature };
}

/** GET_INFO's answer: the serial, then the firmware version major.minor.patch. */
export function encodeInfo(info: DeviceInfo): Uint8Array {
  const [major = 0, minor = 0, patch = 0] = info.firmware.split('.').map(Number);
  return new Writer()
    .text(info.serial, MAX_SERIAL, 'The serial')
    .u8(major)
    .u8(minor)
    .u16(patch)
    .done();
}

export function decodeInfo(p: Uint8Array): DeviceInfo {
  const r = new Reader(
    p,
    (d) => new AppError('bad_report', `The dongle's serial and firmware cannot be read: ${d}.`),
  );
  const serial = r.text('serial');
  const firmware = `${r.u8('firmware')}.${r.u8('firmware')}.${r.u16('firmware')}`;
  r.end();
  return { serial, firmware };
}

/** CHALLENGE's answer: the nonce it answers, then the device's signature. */
export function encodeChallengeAnswer(nonce: Uint8Array, signature: Uint8Array): Uint8Array {
  return new Writer().raw(nonce).raw(signature).done();
}

export function decodeChallengeAnswer(p: Uint8Array): { nonce: Uint8Array; signature: Uint8Array } {
  const r = new Reader(
    p,
    (d) => new AppError('bad_report', `The dongle's challenge answer cannot be read: ${d}.`),
  );
  const nonce = r.take(NONCE_SIZE, 'nonce').slice();
  const signature = r.take(SIGNATURE_SIZE, 'device signature').slice();
  r.end();
  return { nonce, signature };
}

/** What the vendor signs: the tag, then the block (which names the serial and device key). */
export function blockSigningInput(block: Uint8Array): Uint8Array {
  return concat(enc.encode(BLOCK_TAG), block);
}

/** What the device signs: the tag, its serial, the host's nonce. */
export function challengeSigningInput(serial: string, nonce: Uint8Array): Uint8Array {
  return concat(enc.encode(CHALLENGE_TAG), enc.encode(serial), nonce);
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
