// Node-hid loaded for real (its native binding over hidraw/libusb),
// with no dongle attached: the enumeration runs and finds none, and `clm dongles --json`
// prints valid JSON saying so.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import type { DongleList } from '../../src-shared/bridge/calls/dongles.ts';
import { loadNodeHid, NodeHidTransport } from '../../src-main/dongles/node-hid-transport.ts';
import { root } from '../e2e/harness.ts';

const run = promisify(execFile);

test('node-hid loads for real and the enumeration finds no dongle', async () => {
  const hid = loadNodeHid();
  assert.match(hid.getHidapiVersion(), /^\d+\.\d+/);
  // The whole bus enumerates too (whatever else is attached), and none of it is a dongle.
  assert.ok(Array.isArray(await hid.devicesAsync()));
  assert.deepEqual(await new NodeHidTransport().list(), []);
});

test('clm dongles --json prints valid JSON with no dongle and a usable USB transport', async () => {
  const { stdout } = await run(
    process.execPath,
    [join(root, 'dist', 'cli.js'), 'dongles', '--json'],
    {
      cwd: root,
      timeout: 20_000,
    },
  );
  const list = JSON.parse(stdout) as DongleList;
  assert.deepEqual(list.dongles, []);
  assert.deepEqual(list.transports, [{ name: 'usb', available: true }]);
  assert.equal(list.usbId, '1209:c1a0');
});

test('clm dongles without --json says that none is attached', async () => {
  const { stdout } = await run(process.execPath, [join(root, 'dist', 'cli.js'), 'dongles'], {
    cwd: root,
    timeout: 20_000,
  });
  assert.equal(stdout.trim(), 'No USB dongle attached (looked for HID devices 1209:c1a0).');
});
