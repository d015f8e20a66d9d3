// Licensing → License Servers → Move seats (issue 12 "One seat, one server"): the administrator
// moves seats from the first server to a second one in Chromium — the same licenseServers.move as
// `clm servers move` — after a confirmation that says when they arrive; a move the cloud refuses
// shows its reason in place and the table stays as it was.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { startTestCloud, type TestCloud } from '../cloud/helpers.ts';
import { removeTempDirs, tempDir } from '../core/helpers.ts';
import { launchBrowser, openPage, root, startServe, type ServedApp } from './harness.ts';

const run = promisify(execFile);
const ADMIN = 'admin@northwind.example';
const cli = join(root, 'dist', 'cli.js');
const shots = process.env.CLM_SHOTS_DIR;
let browser: Browser;
let cloud: TestCloud;
let first: ServedApp;
let second: ServedApp;
const dir = tempDir('move');

before(async () => {
  browser = await launchBrowser();
  cloud = await startTestCloud();
  first = await startServe({ cloudUrl: cloud.url });
  second = await startServe({ cloudUrl: 'http://127.0.0.1:9' });
});
after(async () => {
  await browser?.close();
  await first?.stop();
  await second?.stop();
  await cloud?.close();
  removeTempDirs();
});

test('moving seats between two servers in the License Servers tab, with a confirmation and the refusal in place', async () => {
  const requestFile = join(dir, 'node-2.clmreq');
  await run(
    process.execPath,
    [
      cli,
      'activate',
      '--request',
      requestFile,
      '--name',
      'node-2',
      '--server',
      second.base,
      '--token',
      second.token,
    ],
    { cwd: root },
  );
  const { page } = await openPage(browser, first.base);
  await page.goto(first.loginUrl);
  await page.getByLabel('Email', { exact: true }).fill(ADMIN);
  await page.getByLabel('Password', { exact: true }).fill('demo1234');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('heading', { name: 'Organization', level: 1 }).waitFor();
  await page.getByRole('link', { name: 'Licensing', exact: true }).click();
  await page.getByRole('link', { name: 'License Servers' }).click();
  await page.getByRole('row', { name: /Online/ }).waitFor();
  await page.getByLabel('Activation request file').setInputFiles(requestFile);
  await page.getByLabel('Workstation name').fill('Render node 2');
  await page.getByRole('button', { name: 'Activate', exact: true }).click();
  const node2 = page.getByRole('row', { name: /Render node 2/ });
  await node2.getByText('No seats: they stay with the first server until moved').waitFor();

  const firstRow = page.getByRole('row', { name: /Online/ });
  const vrayOn = async () =>
    Number(/(\d+) × V-Ray for 3ds Max/.exec(await firstRow.innerText())?.[1] ?? 'NaN');
  const before = await vrayOn();
  const move = page.getByRole('region', { name: 'Move seats between servers' });
  await move.getByLabel('Product').selectOption({ label: 'V-Ray for 3ds Max' });
  await move.getByLabel('To server').selectOption({ label: 'Render node 2 (offline)' });
  await move.getByLabel('Seats to move').fill('999');
  await move.getByRole('button', { name: 'Move seats…' }).click();
  await move.getByText(/Move 999 × V-Ray for 3ds Max from .* to Render node 2\?/).waitFor();
  await move.getByRole('button', { name: 'Confirm move' }).click();
  await move.getByText('The seats were not moved').waitFor();
  assert.equal(await vrayOn(), before);
  await node2.getByText('No seats: they stay with the first server until moved').waitFor();
  if (shots) await page.screenshot({ path: join(shots, 'move-refused.png'), fullPage: true });

  await move.getByLabel('Seats to move').fill('2');
  await move.getByRole('button', { name: 'Move seats…' }).click();
  if (shots) await page.screenshot({ path: join(shots, 'move-confirm.png'), fullPage: true });
  await move.getByRole('button', { name: 'Confirm move' }).click();
  await move.getByText(/Moved 2 × V-Ray for 3ds Max from .* to Render node 2\./).waitFor();
  await move
    .getByText('Render node 2 gets them with its next .crt file (Download .crt File).')
    .waitFor();
  // The first server acknowledged its smaller entitlement before the list was read again.
  assert.equal(await vrayOn(), before - 2);
  if (shots) await page.screenshot({ path: join(shots, 'move-done.png'), fullPage: true });
  await node2.getByRole('button', { name: 'Download .crt File' }).click();
  await page.reload();
  await node2.getByText('2 × V-Ray for 3ds Max').waitFor();
});
