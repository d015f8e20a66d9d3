// The seed's six offline steps end to end with two data folders: the
// air-gapped `clm serve` writes its activation request file (clm activate --request); on the
// online machine's app in Chromium: Licensing → License Servers → Activate Workstation, upload,
// name, Activate, Download .crt File; the cloud is stopped; `clm activate --import` activates
// the air-gapped server, which then serves the seats with no cloud running.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import type { SeatStatus } from '../../src-shared/bridge/calls/seats.ts';
import { startTestCloud, type TestCloud } from '../cloud/helpers.ts';
import { tempDir, removeTempDirs } from '../core/helpers.ts';
import { launchBrowser, openPage, root, startServe, type ServedApp } from './harness.ts';

const run = promisify(execFile);
const ADMIN = 'admin@northwind.example';
const P = 'vray-3dsmax';
const cli = join(root, 'dist', 'cli.js');
const shots = process.env.CLM_SHOTS_DIR;
let browser: Browser;
let cloud: TestCloud;
let online: ServedApp;
let airgapped: ServedApp;
const dir = tempDir('offline');

before(async () => {
  browser = await launchBrowser();
  cloud = await startTestCloud();
  online = await startServe({ cloudUrl: cloud.url });
  // Port 9 (discard) on loopback: no cloud answers there, ever.
  airgapped = await startServe({ cloudUrl: 'http://127.0.0.1:9' });
});
after(async () => {
  await browser?.close();
  await online?.stop();
  await airgapped?.stop();
  await cloud?.close();
  removeTempDirs();
});

const clm = (app: ServedApp, ...args: string[]) =>
  run(process.execPath, [cli, ...args, '--server', app.base, '--token', app.token], { cwd: root });

test('request file → Activate Workstation in Chromium → .crt → import: seats served with no cloud', async () => {
  const requestFile = join(dir, 'studio-7.clmreq');
  const wrote = await clm(airgapped, 'activate', '--request', requestFile, '--name', 'studio-7');
  assert.match(
    wrote.stdout,
    /Wrote the activation request file .*studio-7\.clmreq \(machine [0-9a-f-]{39}\)/,
  );

  const { page } = await openPage(browser, online.base);
  await page.goto(online.loginUrl);
  await page.getByLabel('Email', { exact: true }).fill(ADMIN);
  await page.getByLabel('Password', { exact: true }).fill('demo1234');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  // The administrator lands on Organization (issue 18); Licensing is one click away.
  await page.getByRole('heading', { name: 'Organization', level: 1 }).waitFor();
  await page.getByRole('link', { name: 'Licensing', exact: true }).click();
  await page.getByRole('heading', { name: 'Licensing', level: 1 }).waitFor();
  await page.getByRole('link', { name: 'License Servers' }).click();
  // Signing in activated the online machine's own server: it is the account's first.
  await page.getByRole('row', { name: /Online/ }).waitFor();
  if (shots) await page.screenshot({ path: join(shots, 'servers-empty.png'), fullPage: true });
  await page.getByLabel('Activation request file').setInputFiles(requestFile);
  await page.getByLabel('Workstation name').fill('Studio 7 (air-gapped)');
  await page.getByRole('button', { name: 'Activate', exact: true }).click();
  await page.getByText('Studio 7 (air-gapped) is activated').waitFor();
  const row = page.getByRole('row', { name: /Studio 7 \(air-gapped\)/ });
  await row.getByText('Offline (.crt)').waitFor();
  if (shots) await page.screenshot({ path: join(shots, 'servers-activated.png'), fullPage: true });
  // All seats stay with the account's first server until the administrator moves some.
  const servers = JSON.parse((await clm(online, 'servers', '--json')).stdout) as {
    id: string;
    mode: string;
  }[];
  const from = servers.find((r) => r.mode === 'online')?.id ?? '';
  const to = servers.find((r) => r.mode === 'offline')?.id ?? '';
  await clm(online, 'servers', 'move', '--product', P, '--from', from, '--to', to, '--count', '2');
  await page.reload();
  await row.getByText('Offline (.crt)').waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    row.getByRole('button', { name: 'Download .crt File' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /\.crt$/);
  const crtFile = join(dir, download.suggestedFilename());
  await download.saveAs(crtFile);

  await cloud.stop();
  const imported = await clm(airgapped, 'activate', '--import', crtFile);
  assert.match(
    imported.stdout,
    /Activated offline: the license server now serves the seats of admin@northwind\.example\./,
  );

  const crt = JSON.parse(readFileSync(crtFile, 'utf8')) as {
    payload: { seats: { product: string; total: number }[] };
  };
  const status = (await (await fetch(`${airgapped.base}/seat/v1/status`)).json()) as SeatStatus;
  assert.deepEqual(
    Object.fromEntries(status.products.map((p) => [p.product, p.total])),
    Object.fromEntries(crt.payload.seats.map((s) => [s.product, s.total])),
  );
  assert.deepEqual(
    crt.payload.seats.map((x) => [x.product, x.total]),
    [[P, 2]],
  );
  const first = { product: P };
  const checkout = await fetch(`${airgapped.base}/seat/v1/checkout`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ product: first.product, user: 'ana', host: 'ws-1', clientId: 'c1' }),
  });
  assert.equal(checkout.status, 200, 'a seat is served with no cloud running');
  const text = (
    await run(process.execPath, [cli, 'status', '--server', airgapped.base], { cwd: root })
  ).stdout;
  assert.match(
    text,
    /activated offline \(\.crt\); the signed entitlement is valid for 29 days 23 hours\./,
  );
});
