// The software dongle (docs/requirements.md §8): the device side of docs/dongle-hid-protocol.md, configured by
// a JSON file (src-shared/dongles/emulator-config.ts), with the faults tests and demos need.
// It speaks 64-byte reports through the same HidConnection interface as node-hid.
import { randomBytes, type KeyObject } from 'node:crypto';
import type { Clock } from '../../src-shared/clock.ts';
import {
  blockSigningInput,
  challengeSigningInput,
  encodeBlock,
  encodeBlockAnswer,
  encodeChallengeAnswer,
  encodeInfo,
  NONCE_SIZE,
} from '../../src-shared/dongles/block.ts';
import {
  expiresAtSeconds,
  type EmulatorConfig,
  type EmulatorFaults,
} from '../../src-shared/dongles/emulator-config.ts';
import {
  ANSWER_BIT,
  CRC_OFFSET,
  Cmd,
  DeviceError,
  encodeMessage,
  ERROR_TYPE,
  errorPayload,
  Reassembler,
  type Message,
} from '../../src-shared/dongles/reports.ts';
import { privateKeyFromSeed, rawPublicKey, signBytes } from './keys.ts';

/** What the device sends back for one request, and whether it goes away after the first report. */
export interface DeviceAnswer {
  reports: Uint8Array[];
  unplugAfterFirst: boolean;
}

export class EmulatedDongle {
  readonly serial: string;
  readonly faults: EmulatorFaults;
  /** False once unplugged (by the bus or by the unplug-mid-transfer fault). */
  attached = true;
  private readonly firmware: string;
  private readonly deviceKey: KeyObject;
  private readonly blockAnswer: Uint8Array;
  private readonly recorded: Uint8Array;

  /** `clock` turns the file's relative expiry ("+30d") into the block's expiry. */
  constructor(cfg: EmulatorConfig, clock: Clock) {
    this.serial = cfg.serial;
    this.firmware = cfg.firmware ?? '1.0.0';
    this.faults = cfg.faults ?? {};
    this.deviceKey = privateKeyFromSeed(cfg.deviceKey);
    const block = encodeBlock({
      serial: cfg.block.serial ?? cfg.serial,
      deviceKey: rawPublicKey(this.deviceKey),
      expiresAt: expiresAtSeconds(cfg, clock()),
      licenses: cfg.block.licenses.map((l) => ({
        product: l.product,
        name: l.name ?? l.product,
        seats: l.seats,
      })),
    });
    const signature = signBytes(privateKeyFromSeed(cfg.vendorKey), blockSigningInput(block));
    if (this.faults.badSignature) signature[0] = signature[0]! ^ 0x01;
    this.blockAnswer = encodeBlockAnswer(block, signature);
    // The answer to a challenge of long ago, which the replay fault sends for every new one.
    this.recorded = this.challengeAnswer(new Uint8Array(randomBytes(NONCE_SIZE)));
  }

  /** The device's answer to one whole request, faults applied. */
  answer(req: Message): DeviceAnswer {
    const f = this.faults;
    const reply = (payload: Uint8Array) =>
      encodeMessage(req.type | ANSWER_BIT, req.exchangeId, payload);
    if (req.type === Cmd.getInfo)
      return {
        reports: reply(encodeInfo({ serial: this.serial, firmware: this.firmware })),
        unplugAfterFirst: false,
      };
    if (req.type === Cmd.challenge) {
      if (req.payload.length !== NONCE_SIZE)
        return this.error(req, DeviceError.badRequest, 'the nonce must be 32 bytes');
      return {
        reports: reply(f.replayedAnswer ? this.recorded : this.challengeAnswer(req.payload)),
        unplugAfterFirst: false,
      };
    }
    if (req.type !== Cmd.readBlock)
      return this.error(req, DeviceError.unknownCommand, 'unknown command');
    const reports = reply(this.blockAnswer);
    if (f.badChecksum) reports[0]![CRC_OFFSET] = reports[0]![CRC_OFFSET]! ^ 0xff;
    if (f.truncatedReport) reports[reports.length - 1] = reports[reports.length - 1]!.slice(0, 40);
    return { reports, unplugAfterFirst: f.unplugMidTransfer === true };
  }

  private challengeAnswer(nonce: Uint8Array): Uint8Array {
    return encodeChallengeAnswer(
      nonce,
      signBytes(this.deviceKey, challengeSigningInput(this.serial, nonce)),
    );
  }

  private error(req: Message, code: number, text: string): DeviceAnswer {
    return {
      reports: encodeMessage(ERROR_TYPE, req.exchangeId, errorPayload(code, text)),
      unplugAfterFirst: false,
    };
  }

  /** The host's side of one open handle on this device. */
  connect(): EmulatedConnection {
    return new EmulatedConnection(this);
  }
}

const GONE = 'could not read from HID device'; // what node-hid says when the device is unplugged

/** One open handle: reports in, answer reports queued out, like a HID device's endpoints. */
export class EmulatedConnection {
  private queue: Uint8Array[] = [];
  private waiting: (() => void) | null = null;
  private request: Reassembler | null = null;
  private timers = new Set<NodeJS.Timeout>();

  constructor(private readonly device: EmulatedDongle) {}

  async write(report: Uint8Array): Promise<void> {
    if (!this.device.attached) throw new Error(GONE);
    this.request ??= new Reassembler('get-info');
    let whole: Message | null;
    try {
      whole = this.request.push(report);
    } catch {
      this.request = null;
      this.send({
        reports: encodeMessage(
          ERROR_TYPE,
          report[2] ?? 0,
          errorPayload(DeviceError.badRequest, 'bad report'),
        ),
        unplugAfterFirst: false,
      });
      return;
    }
    if (!whole) return;
    this.request = null;
    const answer = this.device.answer(whole);
    const slow = this.device.faults.slowMs ?? 0;
    if (slow === 0) return this.send(answer);
    const t = setTimeout(() => {
      this.timers.delete(t);
      this.send(answer);
    }, slow);
    this.timers.add(t);
  }

  private send(answer: DeviceAnswer): void {
    if (!this.device.attached) return;
    if (answer.unplugAfterFirst) {
      this.queue.push(answer.reports[0]!);
      this.device.attached = false;
    } else this.queue.push(...answer.reports);
    this.wake();
  }

  private wake(): void {
    const w = this.waiting;
    this.waiting = null;
    w?.();
  }

  async read(timeoutMs: number): Promise<Uint8Array | null> {
    for (;;) {
      const next = this.queue.shift();
      if (next) return next;
      if (!this.device.attached) throw new Error(GONE);
      const woke = await new Promise<boolean>((resolve) => {
        const t = setTimeout(() => {
          this.waiting = null;
          resolve(false);
        }, timeoutMs);
        this.waiting = () => {
          clearTimeout(t);
          resolve(true);
        };
      });
      if (!woke) return null;
    }
  }

  /** Unplugging wakes a reader so it fails now, as node-hid's read does. */
  unplugged(): void {
    this.wake();
  }

  async close(): Promise<void> {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.wake();
  }
}
