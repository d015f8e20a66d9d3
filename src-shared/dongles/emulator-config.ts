// The software dongle's configuration file (docs/dongle-hid-protocol.md, "Emulator"): its
// serial, licenses, keys and the faults it plays. Times are relative to the clock the
// emulator is given ("+30d"), never calendar dates, so a file works on any day.
import Type, { type Static } from 'typebox';
import { parseShift } from '../clock.ts';
import { AppError } from '../errors.ts';
import { parse } from '../schema.ts';

const Seed = Type.String({
  pattern: '^[0-9a-f]{64}$',
  description: 'Ed25519 private key seed, 64 hex digits',
});
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });

export const EmulatorConfigSchema = Type.Object(
  {
    serial: Type.String({ pattern: '^[\\x21-\\x7e]{1,32}$' }),
    firmware: Type.Optional(Type.String({ pattern: '^\\d{1,3}\\.\\d{1,3}\\.\\d{1,5}$' })),
    /** The vendor's signing key: only demo and test files hold one (the demo vendor key). */
    vendorKey: Seed,
    deviceKey: Seed,
    block: Type.Object(
      {
        /** The serial the block names; another dongle's serial makes a copied block. */
        serial: Type.Optional(Type.String({ pattern: '^[\\x21-\\x7e]{1,32}$' })),
        /** Relative to the clock: "+365d", "-1d"; absent: never expires. */
        expires: Type.Optional(Type.String({ maxLength: 20 })),
        licenses: Type.Array(
          Type.Object(
            {
              product: Text(100),
              name: Type.Optional(Text(100)),
              seats: Type.Integer({ minimum: 1, maximum: 65535 }),
            },
            { additionalProperties: false },
          ),
          { minItems: 1, maxItems: 16 },
        ),
      },
      { additionalProperties: false },
    ),
    faults: Type.Optional(
      Type.Object(
        {
          /** Every answer waits this long first. */
          slowMs: Type.Optional(Type.Integer({ minimum: 0, maximum: 600_000 })),
          /** The last report of the block's answer is cut short. */
          truncatedReport: Type.Optional(Type.Boolean()),
          /** The block's answer carries a wrong CRC-32. */
          badChecksum: Type.Optional(Type.Boolean()),
          /** The vendor signature does not match the block. */
          badSignature: Type.Optional(Type.Boolean()),
          /** Every challenge gets the answer recorded for an earlier one. */
          replayedAnswer: Type.Optional(Type.Boolean()),
          /** The dongle goes away after the first report of the block's answer. */
          unplugMidTransfer: Type.Optional(Type.Boolean()),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

export type EmulatorConfig = Static<typeof EmulatorConfigSchema>;
export type EmulatorFaults = NonNullable<EmulatorConfig['faults']>;

/** Checks a parsed JSON file; `what` names it in the error. */
export function parseEmulatorConfig(value: unknown, what = 'the emulator file'): EmulatorConfig {
  const cfg = parse(EmulatorConfigSchema, value, what);
  if (cfg.block.expires !== undefined) expiresAtSeconds(cfg, 0);
  return cfg;
}

/** The block's expiry in seconds since the epoch for a clock reading `nowMs`; 0 = never. */
export function expiresAtSeconds(cfg: EmulatorConfig, nowMs: number): number {
  const text = cfg.block.expires;
  if (text === undefined) return 0;
  const shift = parseShift(text);
  if (shift === null)
    throw new AppError(
      'bad_request',
      `block.expires must be relative, such as "+365d" or "-1d", not "${text}"`,
    );
  return Math.max(1, Math.floor((nowMs + shift) / 1000));
}
