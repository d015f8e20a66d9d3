// Verifies one attached dongle (docs/requirements.md §8, docs/dongle-hid-protocol.md, "Verification"): its
// serial, its license block signed by a pinned vendor key and naming this serial, the block's
// expiry against the injected clock, and a challenge only the device key can answer.
import { randomBytes, type KeyObject } from 'node:crypto';
import type { Clock } from '../../src-shared/clock.ts';
import {
  blockSigningInput,
  challengeSigningInput,
  decodeBlock,
  decodeBlockAnswer,
  decodeChallengeAnswer,
  decodeInfo,
  NONCE_SIZE,
  type DeviceInfo,
  type LicenseBlock,
} from '../../src-shared/dongles/block.ts';
import { dongleMessages, isReason, type DongleReason } from '../../src-shared/dongles/reasons.ts';
import { Cmd } from '../../src-shared/dongles/reports.ts';
import { AppError } from '../../src-shared/errors.ts';
import { exchange } from './exchange.ts';
import { publicKeyFromRaw, verifiedBy } from './keys.ts';
import type { HidConnection } from './transport.ts';

export interface VerifyOptions {
  /** The pinned vendor public keys; a block signed by any other key is refused. */
  vendorKeys: KeyObject[];
  clock: Clock;
  /** Per exchange (default 2 s). */
  timeoutMs?: number;
  /** Tests replay a fixed exchange; otherwise 32 random bytes. */
  nonce?: () => Uint8Array;
}

export type Verification =
  | { ok: true; info: DeviceInfo; block: LicenseBlock }
  | {
      ok: false;
      info: DeviceInfo | null;
      block: LicenseBlock | null;
      code: DongleReason;
      message: string;
    };

export const DEFAULT_EXCHANGE_TIMEOUT_MS = 2000;

let nextExchangeId = 0;
/** 1-255, different for consecutive exchanges so a late answer of an earlier one is noticed. */
function exchangeId(): number {
  nextExchangeId = (nextExchangeId % 255) + 1;
  return nextExchangeId;
}

export async function verifyDongle(
  conn: HidConnection,
  opts: VerifyOptions,
): Promise<Verification> {
  let info: DeviceInfo | null = null;
  let block: LicenseBlock | null = null;
  const x = { timeoutMs: opts.timeoutMs ?? DEFAULT_EXCHANGE_TIMEOUT_MS };
  const refuse = (code: DongleReason, message: string): Verification => ({
    ok: false,
    info,
    block,
    code,
    message,
  });
  try {
    info = decodeInfo(await exchange(conn, Cmd.getInfo, exchangeId(), new Uint8Array(0), x));
    const signed = decodeBlockAnswer(
      await exchange(conn, Cmd.readBlock, exchangeId(), new Uint8Array(0), x),
    );
    const parsed = decodeBlock(signed.block);
    if (!verifiedBy(opts.vendorKeys, blockSigningInput(signed.block), signed.signature))
      return refuse('bad_vendor_signature', dongleMessages.badVendorSignature());
    block = parsed;
    if (block.serial !== info.serial)
      return refuse('serial_mismatch', dongleMessages.serialMismatch(block.serial, info.serial));
    if (isExpired(block, opts.clock))
      return refuse(
        'expired',
        dongleMessages.expired(new Date(block.expiresAt * 1000).toISOString()),
      );
    const nonce = opts.nonce?.() ?? new Uint8Array(randomBytes(NONCE_SIZE));
    const answer = decodeChallengeAnswer(
      await exchange(conn, Cmd.challenge, exchangeId(), nonce, x),
    );
    if (!sameBytes(answer.nonce, nonce))
      return refuse('replayed_answer', dongleMessages.replayedAnswer());
    if (
      !verifiedBy(
        [publicKeyFromRaw(block.deviceKey)],
        challengeSigningInput(info.serial, nonce),
        answer.signature,
      )
    )
      return refuse('bad_device_signature', dongleMessages.badDeviceSignature());
    return { ok: true, info, block };
  } catch (err) {
    const e = AppError.from(err);
    if (isReason(e.code)) return refuse(e.code, e.message);
    return refuse('bad_report', e.message);
  }
}

export function isExpired(block: LicenseBlock, clock: Clock): boolean {
  return block.expiresAt !== 0 && block.expiresAt * 1000 <= clock();
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
