// Issue 6, bulk assignment (docs/sources.md, Portal guide §XIV–XVI) in Chromium against the real headless app and its
// demo cloud: the five steps from the action bar (editable users, products, expiration date,
// summary with the seat shortage, result with the reason per user), driven partly by keyboard,
// and the same wizard from the Products tile via a .csv file. Screens: assign-step-*.png.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Locator } from 'playwright-core';
import { notSentNoSeat } from '../../src-shared/org/messages.ts';
import { resolveRelativeDate } from '../../src-shared/relative-date.ts';
import { formatDate } from '../../src-renderer/format/time.ts';
import { ADMIN, removeTempDirs, startCloud, tempDir } from '../sync/helpers.ts';
import { launchBrowser, openPage, screenshot, startServe, type ServedApp } from './harness.ts';
import { holdsProduct, openOrganization, userRow } from './org-pages.ts';

let browser: Browser;
let app: ServedApp;
/** When the demo seed loads: its dates count from then (docs/seed-format.md). */
let seededAt = 0;
const seedDay = (rel: string) => formatDate(resolveRelativeDate(rel, seededAt));
before(async () => {
  seededAt = Date.now();
  [browser, app] = await Promise.all([launchBrowser(), startServe()]);
});
after(async () => {
  await browser?.close();
  await app?.stop();
  removeTempDirs();
});

const AIKO = 'aiko.tanaka@northwind.example';
const CHEN = 'chen.wei@lumen-render.example';
const PRIYA = 'priya.nair@northwind.example';
const HANNAH = 'hannah@schultz-arch.example';

const currentStep = (dialog: Locator) =>
  dialog.locator('.wizard-steps [aria-current="step"]').innerText();

test(
  'assign from the action bar: users, products, expiration date, summary, result',
  { timeout: 120_000 },
  async () => {
    const { page, context, problems } = await openPage(browser, app.base);
    try {
      await openOrganization(page, app.loginUrl, AIKO);
      for (const e of [AIKO, CHEN, PRIYA]) await userRow(page, e).getByRole('checkbox').check();
      const bar = page.getByRole('toolbar', { name: 'Selected users' });
      await bar.getByRole('button', { name: 'Assign products' }).click();
      const dialog = page.getByRole('dialog', { name: 'Assign products' });

      // 1. The editable list of the preselected users: one is taken out.
      assert.match(await currentStep(dialog), /1\s*Users/);
      await dialog.getByText('3 of 3 users selected').waitFor();
      await dialog.getByRole('checkbox', { name: /Priya Nair/ }).uncheck();
      await screenshot(page, 'assign-step-1-users');
      // Keyboard: Enter on the focused Continue button.
      await dialog.getByRole('button', { name: 'Continue with 2 users' }).focus();
      await page.keyboard.press('Enter');

      // 2. Products: nothing chosen yet, so Continue is disabled; focus is on the first choice.
      assert.match(await currentStep(dialog), /2\s*Products/);
      const next = dialog.getByRole('button', { name: 'Continue', exact: true });
      assert.equal(await next.isDisabled(), true);
      assert.equal(
        await page.evaluate('document.activeElement?.getAttribute("type")'),
        'checkbox',
        'focus moved into the step',
      );
      await dialog.getByRole('checkbox', { name: /^V-Ray Render Node/ }).check();
      await dialog.getByRole('checkbox', { name: /^V-Ray for 3ds Max/ }).check();
      // Space toggles a choice from the keyboard.
      await dialog.getByRole('checkbox', { name: /^Phoenix for 3ds Max/ }).focus();
      await page.keyboard.press('Space');
      assert.equal(await dialog.getByRole('checkbox', { name: /^Phoenix/ }).isChecked(), true);
      assert.match(
        await dialog.locator('[data-product="vray-3dsmax"]').innerText(),
        /2 expiration dates/,
      );
      await screenshot(page, 'assign-step-2-products');
      await next.click();

      // 3. Expiration date per product; Phoenix has one seat left for two users.
      assert.match(await currentStep(dialog), /3\s*Expiration date/);
      const vray = dialog.getByRole('group', { name: 'V-Ray for 3ds Max' });
      // The 5 seats bought for 296 more days (docs/seed-format.md).
      await vray.getByRole('radio', { name: `Expires ${seedDay('+296d')}` }).check();
      const phoenix = dialog.getByRole('group', { name: 'Phoenix for 3ds Max' });
      assert.match(await phoenix.innerText(), /No expiration date[\s\S]*1 of 2 seats free/);
      assert.match(
        await phoenix.innerText(),
        /Only 1 seat is free for 2 users: chen\.wei@lumen-render\.example will not get one\./,
      );
      await screenshot(page, 'assign-step-3-expiration');
      // Back keeps the choices.
      await dialog.getByRole('button', { name: 'Back' }).click();
      assert.equal(await dialog.getByRole('checkbox', { name: /^Phoenix/ }).isChecked(), true);
      await next.click();
      await dialog.getByRole('button', { name: 'Continue with 3 products' }).click();

      // 4. Summary, with who will not get a seat, before anything is sent.
      assert.match(await currentStep(dialog), /4\s*Summary/);
      const summary = await dialog.innerText();
      assert.match(summary, /Assign one seat of 3 products to 2 users: 5 assignments\./);
      assert.match(summary, /Not enough free seats/);
      assert.match(summary, /chen\.wei@lumen-render\.example will not get one/);
      await screenshot(page, 'assign-step-4-summary');
      await dialog.getByRole('button', { name: 'Assign to 2 users' }).click();

      // 5. The result: made, and the refused item with the reason.
      await dialog.getByText('5 assignments made.', { exact: false }).waitFor();
      assert.match(await currentStep(dialog), /5\s*Result/);
      await dialog.getByText('1 assignment could not be made').waitFor();
      const failed = dialog.locator('.bulk-failed-table tbody tr');
      assert.equal(await failed.count(), 1);
      // Chen was not sent for want of a seat (issue 18: no doomed action), and may get one
      // re-allocated from another user (test/e2e/interface-more.test.ts follows that way).
      const cells = await failed.first().locator('td').allInnerTexts();
      assert.deepEqual(cells, [
        CHEN,
        'Phoenix for 3ds Max (no expiration date)',
        notSentNoSeat('Phoenix for 3ds Max', 1, 2),
        'Re-allocate…',
      ]);
      await screenshot(page, 'assign-step-5-result');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });

      await holdsProduct(page, AIKO, 'V-Ray Render Node');
      await holdsProduct(page, AIKO, 'Phoenix for 3ds Max');
      await holdsProduct(page, CHEN, 'V-Ray Render Node');
      await holdsProduct(page, CHEN, 'V-Ray for 3ds Max');
      assert.doesNotMatch(await userRow(page, CHEN).innerText(), /Phoenix/);
      await page
        .getByRole('contentinfo', { name: 'Sync status' })
        .getByText(/pending change|failed change/)
        .waitFor({ state: 'detached' });
      assert.deepEqual(
        problems.filter((p) => !/status of 401/.test(p)),
        [],
      );
    } finally {
      await context.close();
    }
  },
);

test('assign from the Products tile via .csv file', { timeout: 90_000 }, async () => {
  const { page, context, problems } = await openPage(browser, app.base);
  try {
    await openOrganization(page, app.loginUrl, AIKO);
    await page.getByRole('button', { name: 'Products menu' }).click();
    await page.getByRole('menuitem', { name: 'Assign products' }).click();
    const dialog = page.getByRole('dialog', { name: 'Assign products' });
    await dialog.getByRole('radio', { name: /^Via \.csv file/ }).check();
    await dialog.getByRole('button', { name: 'Continue', exact: true }).click();
    await dialog.getByLabel('Then upload the filled-in file:').setInputFiles({
      name: 'assign.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`Email\r\n${HANNAH}\r\n${PRIYA}\r\n`),
    });
    await dialog
      .getByText('2 of 2 rows name users of your organization.', { exact: false })
      .waitFor();
    await screenshot(page, 'assign-step-0-csv');
    await dialog.getByRole('button', { name: 'Continue with 2 users' }).click();

    // The users the file names, checked; then the same steps.
    await dialog.getByText('2 of 2 users selected').waitFor();
    await dialog.getByRole('button', { name: 'Continue with 2 users' }).click();
    await dialog.getByRole('checkbox', { name: /^Enscape/ }).check();
    await dialog.getByRole('button', { name: 'Continue', exact: true }).click();
    await dialog.getByRole('group', { name: 'Enscape' }).getByRole('radio').first().waitFor();
    await dialog.getByRole('button', { name: 'Continue with 1 product' }).click();
    // Enscape has one free seat: the button counts the one user it reaches.
    await dialog.getByRole('button', { name: 'Assign to 1 user' }).click();
    await dialog.getByText('1 assignment made.', { exact: false }).waitFor();
    // The second user in order goes without, with the seat count.
    assert.match(
      await dialog.locator('.bulk-failed-table').innerText(),
      /priya\.nair@northwind\.example\s+Enscape \(expires [^)]+\)\s+Not sent: 1 seat of Enscape with this expiration date was free for 2 users\./,
    );
    await dialog.getByRole('button', { name: 'Go back to organization' }).click();
    await holdsProduct(page, HANNAH, 'Enscape');
    assert.deepEqual(
      problems.filter((p) => !/status of 401/.test(p)),
      [],
    );
  } finally {
    await context.close();
  }
});

test(
  'offline: the result waits for the cloud, then shows what it made',
  { timeout: 90_000 },
  async () => {
    const cloudDir = tempDir('cloud');
    let cloud = await startCloud(cloudDir);
    const port = cloud.port;
    const own = await startServe({ cloudUrl: cloud.url });
    const { page, context, problems } = await openPage(browser, own.base);
    try {
      await page.goto(own.loginUrl);
      await page.getByLabel('Email', { exact: true }).fill(ADMIN.email);
      await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.getByRole('heading', { name: 'Organization', level: 1 }).waitFor();
      await page.getByRole('link', { name: 'Organization' }).click();
      await userRow(page, AIKO).waitFor();
      const status = page.getByRole('contentinfo', { name: 'Sync status' });
      await cloud.close();
      await status.getByRole('button', { name: 'Sync now' }).click();
      await status.getByText(/Offline/).waitFor();

      for (const e of [AIKO, CHEN]) await userRow(page, e).getByRole('checkbox').check();
      await page
        .getByRole('toolbar', { name: 'Selected users' })
        .getByRole('button', { name: 'Assign products' })
        .click();
      const dialog = page.getByRole('dialog', { name: 'Assign products' });
      await dialog.getByRole('button', { name: 'Continue with 2 users' }).click();
      await dialog.getByRole('checkbox', { name: /^V-Ray Render Node/ }).check();
      await dialog.getByRole('button', { name: 'Continue', exact: true }).click();
      await dialog.getByRole('button', { name: 'Continue with 1 product' }).click();
      await dialog.getByRole('button', { name: 'Assign to 2 users' }).click();
      await dialog.getByText('Waiting for the cloud…').waitFor();
      assert.match(
        await dialog.innerText(),
        /2 assignments queued\. You are offline: the change is kept and sent when the cloud is reachable again\./,
      );
      await screenshot(page, 'assign-step-5-offline');

      // The cloud returns; the app reconnects by itself (the open dialog covers "Sync now").
      cloud = await startCloud(cloudDir, port);
      await dialog.getByText('2 assignments made.', { exact: false }).waitFor({ timeout: 60_000 });
      assert.equal(await dialog.getByText('Waiting for the cloud…').count(), 0);
      await dialog.getByRole('button', { name: 'Go back to organization' }).click();
      await holdsProduct(page, CHEN, 'V-Ray Render Node');
      assert.deepEqual(
        problems.filter(
          (p) => !/status of 401|Failed to load resource|ERR_CONNECTION_REFUSED/.test(p),
        ),
        [],
      );
    } finally {
      await context.close();
      await own.stop();
      await cloud.close().catch(() => undefined);
    }
  },
);
