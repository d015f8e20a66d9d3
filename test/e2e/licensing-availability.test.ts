// Availability in the Licensing table (docs/requirements.md §4, issue 12): each license shows how many seats of
// its product are in use on this machine's license server, of how many, and by whom; a checkout
// over the seat protocol shows up in the row without reloading the page.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import type { SeatStatus } from '../../src-shared/bridge/calls/seats.ts';
import { startTestCloud, type TestCloud } from '../cloud/helpers.ts';
import { launchBrowser, openPage, startServe, type ServedApp } from './harness.ts';

const ADMIN = 'admin@northwind.example';
const P = 'vray-3dsmax';
const shots = process.env.CLM_SHOTS_DIR;
let browser: Browser;
let cloud: TestCloud;
let app: ServedApp;

before(async () => {
  browser = await launchBrowser();
  cloud = await startTestCloud();
  app = await startServe({ cloudUrl: cloud.url });
});
after(async () => {
  await browser?.close();
  await app?.stop();
  await cloud?.close();
});

test('the Licensing table shows in use / total and by whom, live', async () => {
  const { page } = await openPage(browser, app.base);
  await page.goto(app.loginUrl);
  await page.getByLabel('Email', { exact: true }).fill(ADMIN);
  await page.getByLabel('Password', { exact: true }).fill('demo1234');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('heading', { name: 'Organization', level: 1 }).waitFor();
  await page.getByRole('link', { name: 'Licensing', exact: true }).click();
  await page.getByRole('columnheader', { name: 'Availability' }).first().waitFor();
  const served = async () =>
    ((await (await fetch(`${app.base}/seat/v1/status`)).json()) as SeatStatus).products.find(
      (p) => p.product === P,
    );
  const total = (await served())?.total ?? 0;
  assert.ok(total > 0, 'the server serves V-Ray for 3ds Max');
  const row = page.getByRole('row', { name: new RegExp(P) }).first();
  await row.getByText(`0 / ${total} in use`).waitFor();
  await row.getByText('on this license server').waitFor();

  const res = await fetch(`${app.base}/seat/v1/checkout`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ product: P, user: 'ana', host: 'ws-1', clientId: 'c1' }),
  });
  assert.equal(res.status, 200);
  await row.getByText(`1 / ${total} in use`).waitFor();
  await row.getByText('by ana').waitFor();
  if (shots)
    await page.screenshot({ path: join(shots, 'licensing-availability.png'), fullPage: true });
});
