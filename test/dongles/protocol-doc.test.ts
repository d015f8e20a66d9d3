// The example exchange in docs/dongle-hid-protocol.md, replayed byte
// for byte: the host writes exactly the documented requests and reads the documented answers
// as the serial, firmware and a challenge answer that verifies; the emulator, given the
// documented requests, answers exactly the documented reports.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  challengeSigningInput,
  decodeChallengeAnswer,
  decodeInfo,
} from '../../src-shared/dongles/block.ts';
import { parseEmulatorConfig } from '../../src-shared/dongles/emulator-config.ts';
import { Cmd, Reassembler } from '../../src-shared/dongles/reports.ts';
import { manualClock } from '../../src-shared/clock.ts';
import { EmulatedDongle } from '../../src-main/dongles/emulator.ts';
import { exchange } from '../../src-main/dongles/exchange.ts';
import {
  privateKeyFromSeed,
  rawPublicKey,
  publicKeyFromRaw,
  verifiedBy,
} from '../../src-main/dongles/keys.ts';
import type { HidConnection } from '../../src-main/dongles/transport.ts';
import { root } from '../e2e/harness.ts';

interface Report {
  from: 'H' | 'D';
  bytes: Uint8Array;
}

/** The reports of the doc's ```hid block: `H>`/`D>` start a report, indented lines continue it. */
function documentedReports(): Report[] {
  const doc = readFileSync(join(root, 'docs', 'dongle-hid-protocol.md'), 'utf8');
  const block = /```hid\n([\s\S]*?)```/.exec(doc)?.[1];
  assert.ok(block, 'the protocol document has a ```hid example block');
  const out: { from: 'H' | 'D'; hex: string[] }[] = [];
  for (const line of block.split('\n').filter((l) => l.trim())) {
    const m = /^([HD])> (.*)$/.exec(line);
    if (m) out.push({ from: m[1] as 'H' | 'D', hex: m[2]!.trim().split(/\s+/) });
    else out.at(-1)!.hex.push(...line.trim().split(/\s+/));
  }
  return out.map((r) => {
    assert.equal(r.hex.length, 64, 'every documented report is 64 bytes');
    return { from: r.from, bytes: Uint8Array.from(r.hex.map((h) => parseInt(h, 16))) };
  });
}

const demo = parseEmulatorConfig(
  JSON.parse(readFileSync(join(root, 'resources', 'dongles', 'demo-valid.json'), 'utf8')),
);
const nonce = Uint8Array.from({ length: 32 }, (_, i) => i);

test('the host replays the documented exchange byte for byte', async () => {
  const script = documentedReports();
  let at = 0;
  // A device that plays the document: each write must be the next H> report, answered by the D> ones.
  const conn: HidConnection = {
    async write(report) {
      const next = script[at++];
      assert.equal(next?.from, 'H');
      assert.deepEqual([...report], [...next.bytes]);
    },
    async read() {
      const next = script[at];
      if (next?.from !== 'D') return null;
      at++;
      return next.bytes;
    },
    async close() {},
  };
  const info = decodeInfo(
    await exchange(conn, Cmd.getInfo, 7, new Uint8Array(0), { timeoutMs: 1000 }),
  );
  assert.deepEqual(info, { serial: 'VRD-DEMO-0042', firmware: '2.4.1' });
  const answer = decodeChallengeAnswer(
    await exchange(conn, Cmd.challenge, 8, nonce, { timeoutMs: 1000 }),
  );
  assert.deepEqual([...answer.nonce], [...nonce]);
  const deviceKey = publicKeyFromRaw(rawPublicKey(privateKeyFromSeed(demo.deviceKey)));
  assert.ok(verifiedBy([deviceKey], challengeSigningInput(info.serial, nonce), answer.signature));
  assert.equal(at, script.length, 'every documented report was used');
});

test('the emulator answers the documented requests with the documented reports', () => {
  const dongle = new EmulatedDongle(demo, manualClock(0));
  const script = documentedReports();
  for (let i = 0; i < script.length;) {
    const request = new Reassembler('get-info');
    let whole = null;
    while (!whole) whole = request.push(script[i++]!.bytes);
    const answers: number[][] = [];
    while (script[i]?.from === 'D') answers.push([...script[i++]!.bytes]);
    assert.deepEqual(
      dongle.answer(whole).reports.map((r) => [...r]),
      answers,
    );
  }
});
