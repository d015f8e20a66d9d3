// Licensing → License server in Chromium against
// `clm dongles emulate` with one valid software dongle and one whose block is forged: the valid
// one's seats join the bars (named by serial), the forged one is listed as refused with why.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage, root, screenshot, startServe } from './harness.ts';
import { openLicenseServerView } from './license-server-page.ts';

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

const demo = (name: string) => join(root, 'resources', 'dongles', name);

test('License server view lists an emulated dongle that adds seats and a refused one with its reason', async (t) => {
  const app = await startServe({
    command: ['dongles', 'emulate', demo('demo-valid.json'), demo('demo-forged.json')],
  });
  t.after(() => app.stop());
  const s = await openPage(browser, app.base);
  t.after(() => s.context.close());
  const page = s.page;
  await openLicenseServerView(page, app.loginUrl);

  const table = page.getByRole('table', { name: /^USB dongles/ });
  const valid = table.getByRole('row', { name: /VRD-DEMO-0042/ });
  const forged = table.getByRole('row', { name: /VRD-DEMO-0666/ });
  await valid.getByText('Verified', { exact: true }).waitFor();
  await forged.getByText('Refused', { exact: true }).waitFor();
  await forged.getByText(/not signed by the vendor key this app trusts/).waitFor();
  assert.match(await valid.innerText(), /2 × V-Ray for 3ds Max/);
  assert.match(await valid.innerText(), /5 × V-Ray Render Node/);
  // The refused dongle's 50 seats are listed as its block claims, but none is added.
  assert.match(await forged.innerText(), /—/);
  // The dongle's seats sit in the pool beside the cloud's, each source shown.
  const sources = page.getByText(/^\d+ cloud · 2 dongle$/);
  await sources.waitFor();
  assert.match((await sources.getAttribute('title')) ?? '', /2 from dongle VRD-DEMO-0042/);

  await page.setViewportSize({ width: 1280, height: 1500 });
  await table.scrollIntoViewIfNeeded();
  await screenshot(page, 'license-server-dongles');
  assert.deepEqual(
    s.problems.filter((p) => !/status of 401/.test(p)),
    [],
    'no console errors (CSP violations, exceptions)',
  );
});
