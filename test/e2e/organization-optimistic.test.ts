// A revoke's row changes at once (docs/architecture.md, "One admin change", step 2): painted in
// the click's task from the core's own rule, before the core has answered; when the core refuses
// the change, the row is put back as it was.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Route } from 'playwright-core';
import { launchBrowser, openPage, screenshot, startServe, type ServedApp } from './harness.ts';
import { openOrganization, userRow } from './org-pages.ts';

let browser: Browser;
let app: ServedApp;
before(async () => {
  [browser, app] = await Promise.all([launchBrowser(), startServe()]);
});
after(async () => {
  await browser?.close();
  await app?.stop();
});

const chip = (name: string) => new RegExp(`^${name} (Borrowed until .+ )?of `);

test(
  'the revoked product leaves the row before the core answers',
  { timeout: 90_000 },
  async () => {
    const { page, context } = await openPage(browser, app.base);
    try {
      await openOrganization(page, app.loginUrl);
      const priya = userRow(page, 'priya.nair@northwind.example');
      await priya.getByRole('button', { name: chip('Enscape') }).waitFor();
      // The core's answer is held back (the request still goes to the real core, later).
      let release: () => void = () => undefined;
      const held = new Promise<void>((r) => (release = r));
      await page.route('**/api/call/org.revoke', async (route: Route) => {
        await held;
        await route.continue();
      });

      await priya.getByRole('button', { name: chip('Enscape') }).click();
      const dialog = page.getByRole('dialog', { name: 'Revoke product' });
      await dialog.getByRole('button', { name: 'Revoke product' }).click();
      // Unanswered yet: the row shows the revoke, pending, behind the dialog still open.
      await priya.getByText('Pending', { exact: true }).waitFor();
      assert.equal(await priya.getByRole('button', { name: chip('Enscape') }).count(), 0);
      assert.equal(await priya.getByRole('button', { name: chip('V-Ray for 3ds Max') }).count(), 1);
      assert.ok(await dialog.isVisible(), 'the dialog waits for the core');
      await screenshot(page, 'org-revoke-optimistic');

      release();
      await dialog.waitFor({ state: 'detached' });
      // The cloud confirms it: no longer pending, the product still gone.
      await priya.getByText('Pending', { exact: true }).waitFor({ state: 'detached' });
      assert.equal(await priya.getByRole('button', { name: chip('Enscape') }).count(), 0);
    } finally {
      await context.close();
    }
  },
);

test('a revoke the core refuses puts the row back as it was', { timeout: 90_000 }, async () => {
  const a = await openPage(browser, app.base);
  const b = await openPage(browser, app.base);
  try {
    await openOrganization(a.page, app.loginUrl);
    await openOrganization(b.page, app.loginUrl);
    const email = 'marco.rossi@northwind.example';
    // Window A opens the revoke of Marco's Enscape and waits; window B revokes it meanwhile.
    await userRow(a.page, email)
      .getByRole('button', { name: chip('Enscape') })
      .click();
    const stale = a.page.getByRole('dialog', { name: 'Revoke product' });
    await stale.waitFor();
    await userRow(b.page, email)
      .getByRole('button', { name: chip('Enscape') })
      .click();
    const dialogB = b.page.getByRole('dialog', { name: 'Revoke product' });
    await dialogB.getByRole('button', { name: 'Revoke product' }).click();
    await dialogB.waitFor({ state: 'detached' });
    // A's row follows (behind its dialog) once the cloud has confirmed it.
    const rowA = userRow(a.page, email);
    await a.page.waitForFunction((e) => {
      const row = document.querySelector(`[role="row"][data-user="${e}"]`);
      return !!row && !row.querySelector('.pending-badge') && !row.textContent?.includes('Enscape');
    }, email);

    // A's dialog still offers Enscape: the row is painted revoked, then the core refuses.
    await stale.getByRole('button', { name: 'Revoke product' }).click();
    await stale.getByText(`${email} has no assigned Enscape`).waitFor();
    // Put back as it was: not pending, V-Ray for 3ds Max still there.
    assert.equal(await rowA.locator('.pending-badge').count(), 0);
    assert.equal(await rowA.getByRole('button', { name: chip('V-Ray for 3ds Max') }).count(), 1);
    await screenshot(a.page, 'org-revoke-refused-row-back');
  } finally {
    await a.context.close();
    await b.context.close();
  }
});
