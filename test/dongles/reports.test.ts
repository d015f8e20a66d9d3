// The report framing both sides share (docs/dongle-hid-protocol.md, "Reports"): what the host
// notices about a transfer that went wrong, each with its reason code.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { crc32 } from '../../src-shared/dongles/crc32.ts';
import {
  Cmd,
  CRC_OFFSET,
  encodeMessage,
  ERROR_TYPE,
  errorPayload,
  Reassembler,
} from '../../src-shared/dongles/reports.ts';
import { AppError } from '../../src-shared/errors.ts';

const answer = Cmd.readBlock | 0x80;
const payload = Uint8Array.from({ length: 130 }, (_, i) => i);

function codeOf(fn: () => unknown): string {
  try {
    fn();
    return 'accepted';
  } catch (err) {
    return err instanceof AppError ? err.code : String(err);
  }
}

test('CRC-32 is the IEEE one (check value of "123456789")', () => {
  assert.equal(crc32(new TextEncoder().encode('123456789')), 0xcbf43926);
});

test('a 130-byte message travels in three reports and comes back whole', () => {
  const reports = encodeMessage(answer, 9, payload);
  assert.deepEqual(
    reports.map((r) => [r.length, r[3], r[4], r[7]]),
    [
      [64, 0, 3, 52],
      [64, 1, 3, 52],
      [64, 2, 3, 26],
    ],
  );
  const r = new Reassembler('read-block', { type: answer, exchangeId: 9 });
  assert.equal(r.push(reports[0]!), null);
  assert.equal(r.push(reports[1]!), null);
  assert.deepEqual(r.push(reports[2]!)?.payload, payload);
});

test('each broken transfer is refused with its own reason', () => {
  const fresh = () => new Reassembler('read-block', { type: answer, exchangeId: 9 });
  const reports = () => encodeMessage(answer, 9, payload);
  assert.equal(
    codeOf(() => fresh().push(reports()[0]!.slice(0, 63))),
    'truncated_report',
  );
  const corrupt = reports()[0]!;
  corrupt[20] = corrupt[20]! ^ 0x10;
  assert.equal(
    codeOf(() => fresh().push(corrupt)),
    'bad_checksum',
  );
  assert.equal(
    codeOf(() => fresh().push(encodeMessage(answer, 8, payload)[0]!)),
    'bad_report',
  );
  assert.equal(
    codeOf(() => fresh().push(reports()[1]!)),
    'bad_report',
  );
  assert.equal(
    codeOf(() => fresh().push(encodeMessage(Cmd.getInfo | 0x80, 9, payload)[0]!)),
    'bad_report',
  );
  const error = encodeMessage(ERROR_TYPE, 9, errorPayload(0x03, 'busy'))[0]!;
  assert.equal(
    codeOf(() => fresh().push(error)),
    'device_error',
  );
  // A report whose header lies about its lengths, with a valid checksum over the lie.
  const lie = reports()[0]!;
  lie[4] = 2;
  new DataView(lie.buffer).setUint32(CRC_OFFSET, crc32(lie, 0, CRC_OFFSET));
  assert.equal(
    codeOf(() => fresh().push(lie)),
    'bad_report',
  );
});
