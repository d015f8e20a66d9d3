// One request and its answer over a HID connection (docs/dongle-hid-protocol.md, "Exchanges"):
// the request's reports go out, the answer's reports are collected and checked until the
// message is whole or the exchange's time is up. Every failure is an AppError whose code is
// the refusal reason.
import { AppError } from '../../src-shared/errors.ts';
import { dongleMessages } from '../../src-shared/dongles/reasons.ts';
import {
  ANSWER_BIT,
  encodeMessage,
  exchangeOf,
  Reassembler,
} from '../../src-shared/dongles/reports.ts';
import type { HidConnection } from './transport.ts';

export interface ExchangeOptions {
  /** The whole exchange, from the first report sent to the last one received. */
  timeoutMs: number;
}

export async function exchange(
  conn: HidConnection,
  type: number,
  exchangeId: number,
  payload: Uint8Array,
  opts: ExchangeOptions,
): Promise<Uint8Array> {
  const name = exchangeOf[type]!;
  const gone = () => new AppError('disconnected', dongleMessages.disconnected(name));
  // Elapsed time on the monotonic clock: a transfer's timeout is no calendar rule.
  const deadline = performance.now() + opts.timeoutMs;
  try {
    for (const r of encodeMessage(type, exchangeId, payload)) await conn.write(r);
  } catch {
    throw gone();
  }
  const answer = new Reassembler(name, { type: type | ANSWER_BIT, exchangeId });
  for (;;) {
    const left = deadline - performance.now();
    if (left <= 0) throw new AppError('timeout', dongleMessages.timeout(name, opts.timeoutMs));
    let report: Uint8Array | null;
    try {
      report = await conn.read(left);
    } catch {
      throw gone();
    }
    if (!report) continue;
    const whole = answer.push(report);
    if (whole) return whole.payload;
  }
}
