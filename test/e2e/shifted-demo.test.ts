// Issue 11 in Chromium: the app and its demo cloud a year ahead (`clm serve --clock-shift
// +400d`) tell the demo's story as on any day — the renderer reads the core's clock, so the
// expiry it shows agrees with the rules — and Reset demo asks, then starts the story again.
// Screens: shifted-*.png, reset-demo-*.png.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { borrowedLicense } from '../../src-shared/org/messages.ts';
import { launchBrowser, openPage, screenshot, startServe, type ServedApp } from './harness.ts';
import { holdsProduct, openOrganization, userRow } from './org-pages.ts';

let browser: Browser;
let app: ServedApp;
before(async () => {
  [browser, app] = await Promise.all([
    launchBrowser(),
    startServe({ args: ['--clock-shift', '+400d'] }),
  ]);
});
after(async () => {
  await browser?.close();
  await app?.stop();
});

const JONAS = 'jonas.becker@northwind.example';

test(
  'a year ahead: expiry as the seed tells it, the borrowed seat refused',
  { timeout: 90_000 },
  async () => {
    const { page, context, problems } = await openPage(browser, app.base);
    try {
      await openOrganization(page, app.loginUrl, JONAS);
      await holdsProduct(page, JONAS, 'V-Ray for 3ds Max');
      await userRow(page, JONAS)
        .getByRole('button', { name: /^V-Ray for 3ds Max (Borrowed until .+ )?of / })
        .click();
      const revoke = page.getByRole('dialog', { name: 'Revoke product' });
      await revoke.getByRole('button', { name: 'Revoke product' }).click();
      await revoke.getByText(borrowedLicense(JONAS)).waitFor();
      await screenshot(page, 'shifted-revoke-borrowed');
      await revoke.getByRole('button', { name: 'Cancel' }).click();

      // Licensing: the organization's Enscape is inside its renewal window, twelve days left.
      await page.getByRole('link', { name: 'Licensing' }).click();
      const enscape = page.getByRole('row').filter({ hasText: 'Enscape' }).first();
      await enscape.getByText('Expires in 12 days').waitFor();
      await screenshot(page, 'shifted-licensing');
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  },
);

test('Reset demo: asked first, then signed out on a fresh demo', { timeout: 90_000 }, async () => {
  const { page, context, problems } = await openPage(browser, app.base);
  try {
    await openOrganization(page, app.loginUrl, JONAS);
    await page.getByRole('button', { name: 'Account menu' }).click();
    await page.getByRole('menuitem', { name: 'Reset demo…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Reset the demo?' });
    await dialog.getByText('Everything changed in the demo is lost').waitFor();
    await screenshot(page, 'reset-demo-confirm');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Account menu' }).click();
    await page.getByRole('menuitem', { name: 'Reset demo…' }).click();
    await dialog.getByRole('button', { name: 'Reset demo' }).click();
    await page.getByRole('heading', { name: 'Demo accounts' }).waitFor();
    await screenshot(page, 'reset-demo-signed-out');
    // The story again: sign in, Jonas's seat is still borrowed.
    await openOrganization(page, app.loginUrl, JONAS);
    await holdsProduct(page, JONAS, 'V-Ray for 3ds Max');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
