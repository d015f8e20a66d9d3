// Software dongles through the same transport interface as node-hid.
// A valid dongle adds its seats; unplugging removes them and leases on them end at their next
// heartbeat; each forged or broken dongle is refused with the check that failed.
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { test } from 'node:test';
import { manualClock } from '../../src-shared/clock.ts';
import { DongleManager, type DongleManagerOptions } from '../../src-main/dongles/manager.ts';
import { EmulatorBus } from '../../src-main/dongles/emulator-bus.ts';
import { demoVendorKeys, productVendorKeys } from '../../src-main/dongles/keys.ts';
import { verifyDongle } from '../../src-main/dongles/verify.ts';
import { SeatService } from '../../src-main/seats/service.ts';
import type { EmulatorConfig } from '../../src-shared/dongles/emulator-config.ts';
import type { DongleList } from '../../src-shared/bridge/calls/dongles.ts';
import { dongle, tempDir } from './helpers.ts';

const DAY = 86_400_000;
// Whatever today is (faketime too): the clock starts at the real time and moves only when told.
const start = () => manualClock(Date.now());

function seatServer(
  t: { after(fn: () => void | Promise<void>): void },
  clock: () => number,
  more: Partial<DongleManagerOptions> = {},
) {
  // Closed before its data folder goes: hooks run in the order they were registered.
  let close = async () => {};
  t.after(() => close());
  const service = new SeatService({
    dataDir: tempDir(t),
    clock,
    reapIntervalMs: 0,
    sampleIntervalMs: 0,
  });
  const bus = new EmulatorBus();
  const manager = new DongleManager(service, {
    transports: [bus],
    vendorKeys: demoVendorKeys(),
    clock,
    pollMs: 0,
    timeoutMs: 500,
    ...more,
  });
  close = async () => {
    await manager.close();
    await service.close();
  };
  return { service, bus, manager };
}

test('a valid dongle adds its seats to the pool beside the other sources, shown as a dongle', async (t) => {
  const clock = start();
  const { service, bus, manager } = seatServer(t, clock);
  bus.plug(dongle(clock));
  await manager.poll();
  const [d] = manager.list().dongles;
  assert.equal(d?.state, 'verified', d?.reason?.message);
  assert.equal(d?.serial, 'VRD-TEST-0001');
  assert.equal(d?.firmware, '2.4.1');
  assert.equal(d?.seats, 3);
  const vray = service.status().products.find((p) => p.product === 'vray-3dsmax');
  assert.equal(vray?.total, 2);
  assert.deepEqual(vray?.sources, [{ source: 'dongle VRD-TEST-0001', kind: 'dongle', total: 2 }]);
});

test('unplugging removes the seats; leases on them end at their next heartbeat', async (t) => {
  const clock = start();
  const { service, bus, manager } = seatServer(t, clock);
  const path = bus.plug(dongle(clock));
  await manager.poll();
  const a = service.checkout({ product: 'vray-3dsmax', user: 'u', host: 'h1', clientId: 'c1' });
  const b = service.checkout({ product: 'vray-3dsmax', user: 'u', host: 'h2', clientId: 'c2' });
  assert.ok(a.ok && b.ok);
  bus.unplug(path);
  await manager.poll();
  assert.deepEqual(manager.list().dongles, []);
  assert.equal(
    service.status().products.find((p) => p.total > 0),
    undefined,
  );
  clock.advance(30_000);
  const hb = service.heartbeat(a.leaseId);
  assert.equal(hb.ok, false);
  assert.equal(hb.ok ? '' : hb.error, 'lease_expired');
  assert.equal(service.heartbeat(b.leaseId).ok, false);
  const again = service.checkout({ product: 'vray-3dsmax', user: 'u', host: 'h3', clientId: 'c3' });
  assert.equal(again.ok, false);
});

test('the block expires by the injected clock: refused while attached, its seats leave the pool', async (t) => {
  const clock = start();
  const { service, bus, manager } = seatServer(t, clock);
  bus.plug(dongle(clock));
  await manager.poll();
  assert.equal(service.status().products.length, 2);
  clock.advance(31 * DAY);
  await manager.poll();
  const [d] = manager.list().dongles;
  assert.equal(d?.state, 'refused');
  assert.equal(d?.reason?.code, 'expired');
  assert.equal(service.status().products.length, 0);
});

const refusals: [string, (c: EmulatorConfig) => void, string, RegExp][] = [
  [
    'a replayed challenge answer',
    (c) => (c.faults = { replayedAnswer: true }),
    'replayed_answer',
    /earlier challenge/,
  ],
  [
    'a bad vendor signature',
    (c) => (c.faults = { badSignature: true }),
    'bad_vendor_signature',
    /not signed by the vendor key/,
  ],
  [
    'a block for another serial',
    (c) => (c.block.serial = 'VRD-TEST-9999'),
    'serial_mismatch',
    /belongs to dongle VRD-TEST-9999/,
  ],
  [
    'a truncated report',
    (c) => (c.faults = { truncatedReport: true }),
    'truncated_report',
    /truncated report \(40 of 64 bytes\)/,
  ],
  [
    'a bad checksum',
    (c) => (c.faults = { badChecksum: true }),
    'bad_checksum',
    /checksum \(CRC-32\)/,
  ],
  ['an expired block', (c) => (c.block.expires = '-1d'), 'expired', /expired on/],
  [
    'unplugged mid-transfer',
    (c) => (c.faults = { unplugMidTransfer: true }),
    'disconnected',
    /unplugged while reading its license block/,
  ],
];

for (const [what, over, code, message] of refusals)
  test(`${what} is refused with its reason and adds no seat`, async (t) => {
    const clock = start();
    const { service, bus, manager } = seatServer(t, clock);
    bus.plug(dongle(clock, over));
    await manager.poll();
    const [d] = manager.list().dongles;
    assert.equal(d?.state, 'refused');
    assert.equal(d?.reason?.code, code);
    assert.match(d?.reason?.message ?? '', message);
    assert.equal(d?.seats, 0);
    assert.deepEqual(service.status().products, []);
  });

test('a slow dongle is refused when the exchange times out', async (t) => {
  const clock = start();
  const { service, bus, manager } = seatServer(t, clock);
  bus.plug(dongle(clock, (c) => (c.faults = { slowMs: 2000 })));
  await manager.poll();
  const [d] = manager.list().dongles;
  assert.equal(d?.reason?.code, 'timeout');
  assert.match(
    d?.reason?.message ?? '',
    /did not answer within 500 ms while reading its serial number/,
  );
  assert.deepEqual(service.status().products, []);
});

test('a block signed by another vendor key, or checked against the product key, is refused', async () => {
  const clock = start();
  const other = generateKeyPairSync('ed25519').privateKey.export({ format: 'der', type: 'pkcs8' });
  const bus = new EmulatorBus();
  const forged = bus.plug(dongle(clock, (c) => (c.vendorKey = other.subarray(16).toString('hex'))));
  const demo = bus.plug(dongle(clock));
  for (const [path, keys] of [
    [forged, demoVendorKeys()],
    [demo, productVendorKeys()],
  ] as const) {
    const conn = await bus.open(path);
    const r = await verifyDongle(conn, { vendorKeys: keys, clock, timeoutMs: 500 });
    await conn.close();
    assert.equal(r.ok ? 'verified' : r.code, 'bad_vendor_signature');
  }
});

test('the same serial twice (a cloned dongle) counts once', async (t) => {
  const clock = start();
  const { service, bus, manager } = seatServer(t, clock);
  bus.plug(dongle(clock));
  bus.plug(dongle(clock));
  await manager.poll();
  const states = manager.list().dongles.map((d) => d.reason?.code ?? d.state);
  assert.deepEqual(states, ['verified', 'duplicate_serial']);
  assert.equal(service.status().products.find((p) => p.product === 'vray-3dsmax')?.total, 2);
});

test('hot-plug: polling finds a dongle plugged in later and notices it leave', async (t) => {
  const clock = start();
  const { service, bus, manager } = seatServer(t, clock, { pollMs: 20, timeoutMs: 2000 });
  const next = (what: string, until: (l: DongleList) => boolean) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no dongles.changed with ${what} within 5 s`)),
        5000,
      );
      const off = manager.onChange((l) => {
        if (!until(l)) return;
        clearTimeout(timer);
        off();
        resolve();
      });
    });
  manager.start();
  const verified = next('the dongle verified', (l) => l.dongles[0]?.state === 'verified');
  const path = bus.plug(dongle(clock));
  await verified;
  assert.equal(service.status().products.length, 2);
  const gone = next('the dongle gone', (l) => l.dongles.length === 0);
  bus.unplug(path);
  await gone;
  assert.equal(service.status().products.length, 0);
});

test('a dongle refused for a failed transfer is checked again and then adds its seats', async (t) => {
  const clock = start();
  const { service, bus, manager } = seatServer(t, clock, { retryMs: 0 });
  const flaky = dongle(clock, (c) => (c.faults = { badChecksum: true }));
  bus.plug(flaky);
  await manager.poll();
  assert.equal(manager.list().dongles[0]?.reason?.code, 'bad_checksum');
  flaky.faults.badChecksum = false; // the glitch is over
  await manager.poll();
  const [d] = manager.list().dongles;
  assert.equal(d?.state, 'verified');
  assert.equal(d?.reason, undefined);
  assert.equal(service.status().products.length, 2);
});
