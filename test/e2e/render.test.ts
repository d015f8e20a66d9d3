// Issue 19 in Chromium against `clm serve` and a real cloud on the credit fixture: a member picks
// a scene, sees "Rendering as …" and the estimate, submits, follows progress to the final cost,
// and sees the balance change; a member with access disabled is refused before anything starts;
// the administrator's "Cloud credits as of …" with lots, Total and the consumption chart.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { Page } from 'playwright-core';
import { startCloudServer } from '../../src-cloud/server.ts';
import { creditSeed } from '../credits/helpers.ts';
import { removeTempDirs, tempDir } from '../sync/helpers.ts';
import { launchBrowser, openPage, screenshot, startServe } from './harness.ts';

after(removeTempDirs);

async function signIn(page: Page, email: string): Promise<void> {
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill('demo1234');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('button', { name: 'Account menu' }).waitFor();
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Account menu' }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await page.getByLabel('Email', { exact: true }).waitFor();
}

async function go(page: Page, hash: string, heading: string): Promise<void> {
  await page.evaluate((h) => {
    window.location.hash = h;
  }, hash);
  await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
}

async function pickScene(page: Page, name: string, frames: number): Promise<void> {
  await page.getByLabel('Scene file').setInputFiles({
    name,
    mimeType: 'application/octet-stream',
    buffer: Buffer.alloc(2048),
  });
  await page.getByLabel('Frames').fill(String(frames));
}

test('render flow, refusal before upload, and the balance view', { timeout: 180_000 }, async () => {
  const cloud = await startCloudServer({
    port: 0,
    dataDir: tempDir('cloud'),
    seedFile: creditSeed,
  });
  const app = await startServe({ cloudUrl: cloud.url });
  const browser = await launchBrowser();
  try {
    const { page, problems } = await openPage(browser, app.base);
    await page.goto(app.loginUrl);
    await signIn(page, 'user01@render.test');

    // Products → Cloud credits card → Start rendering.
    await go(page, '#/products', 'Products');
    await page.getByRole('link', { name: 'Start rendering' }).first().click();
    await page.getByRole('heading', { name: 'Cloud rendering', level: 1 }).waitFor();
    await page.getByText('simulates one').waitFor();
    await pickScene(page, 'kitchen.max', 2);
    await page.getByText('Rendering as user01@render.test — Member of Render Studio').waitFor();
    assert.equal(await page.getByTestId('render-estimate').innerText(), '0.500 credits');
    await screenshot(page, 'render-quote');

    await page.getByRole('button', { name: 'Submit render' }).click();
    await page.getByText('Rendering kitchen.max started.').waitFor();
    const row = page.getByTestId('render-job').filter({ hasText: 'kitchen.max' });
    await row.getByText(/Rendering \d+ %/).waitFor();
    await screenshot(page, 'render-progress');
    // Two frames take 12 s of the cloud's clock; the page asks for a sync once they are over.
    await row.getByText('Finished').waitFor({ timeout: 40_000 });
    const cost = Number(await row.getByTestId('render-cost').innerText());
    assert.ok(cost > 0 && cost <= 0.5, `final cost ${cost}`);
    await screenshot(page, 'render-finished');

    await go(page, '#/products/credits', 'Cloud credits');
    const available = await page.getByTestId('credits-available').innerText();
    assert.equal(available, (20 - cost).toFixed(3));
    await screenshot(page, 'credits-member');

    // Access disabled: the reason is shown and Submit stays off, before anything is uploaded.
    await signOut(page);
    await signIn(page, 'off@render.test');
    await go(page, '#/products/render', 'Cloud rendering');
    await pickScene(page, 'blocked.max', 2);
    await page.getByText("Your access to the organization's cloud credits is disabled").waitFor();
    assert.equal(await page.getByRole('button', { name: 'Submit render' }).isDisabled(), true);
    await screenshot(page, 'render-refused');

    // The administrator: lots by expiration date, Total, "as of", and consumption by user.
    await signOut(page);
    await signIn(page, 'admin@render.test');
    await go(page, '#/products/credits', 'Cloud credits');
    await page.getByText(/^Cloud credits as of /).waitFor();
    const lots = await page.locator('.credits-lots tbody tr').allInnerTexts();
    assert.equal(lots.at(-1), 'No expiration date\t60.000');
    assert.equal(lots.length, 3);
    const total = await page.getByTestId('credits-total').innerText();
    assert.equal(total, (130 - cost).toFixed(3));
    await page.getByRole('img', { name: 'Credits consumed per day, by user' }).waitFor();
    await page.getByText('user01@render.test').waitFor();
    // The low-pool alert: the pool is already below 200, so the administrator is told at once.
    await page.getByLabel('Notify me when the pool falls below (credits)').fill('200');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('You will be notified when the pool falls below 200.000.').waitFor();
    await screenshot(page, 'credits-admin');
    assert.deepEqual(problems, []);

    // In Bulgarian the decimal separator is a comma: the member's "available / quota" says so.
    const bg = await browser.newContext({
      locale: 'bg-BG',
      viewport: { width: 1280, height: 800 },
    });
    const bgPage = await bg.newPage();
    await bgPage.goto(app.loginUrl);
    await signOut(page);
    await signIn(bgPage, 'user01@render.test');
    await go(bgPage, '#/products', 'Products');
    const label = await bgPage.getByTestId('credits-label').innerText();
    assert.equal(label, `${(20 - cost).toFixed(3).replace('.', ',')} / 20`);
    await screenshot(bgPage, 'credits-card-bg');
    await bg.close();
  } finally {
    await browser.close();
    await app.stop();
    await cloud.close();
  }
});
