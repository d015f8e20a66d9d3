// Issue 15 in Chromium, the portal's remaining buttons: Upgrade (the prorated price shown is the
// invoice's), an invoice's PDF saved to the data folder's downloads/ (pdftotext reads its number
// and amount), and an installer from Downloads saved with its SHA-256 verified.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { launchBrowser, openPage, screenshot, startServe } from './harness.ts';

const ADMIN = 'admin@northwind.example';

async function go(page: Page, hash: string, heading: string): Promise<void> {
  await page.evaluate((h) => (window.location.hash = h), hash);
  await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
}

const dialog = (page: Page, name: string): Locator => page.getByRole('dialog', { name });

/** The path a row's status names after "Saved …: " or "Saved to ". */
async function savedPath(status: Locator): Promise<string> {
  const text = await status.innerText();
  const path = /(\/\S+)$/.exec(text.trim())?.[1];
  assert.ok(path, text);
  return path;
}

test('the portal: Upgrade at the quoted price, an invoice PDF and an installer saved', async () => {
  const app = await startServe();
  const browser = await launchBrowser();
  try {
    const { page, problems } = await openPage(browser, app.base);
    await page.goto(app.loginUrl);
    await page.getByLabel('Email', { exact: true }).fill(ADMIN);
    await page.getByLabel('Password', { exact: true }).fill('demo1234');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('button', { name: 'Account menu' }).waitFor();

    // Upgrade one seat of V-Ray for 3ds Max to V-Ray Collection: with no card saved the dialog
    // says where to add one and cannot be confirmed.
    await go(page, '#/products/active', 'Products');
    const vray = page.locator('tr[data-subscription="pur_nw_vray3dsmax_2027_03"]');
    const upgrade = vray.getByRole('button', { name: 'Upgrade', exact: true });
    await upgrade.click();
    const up = dialog(page, 'Upgrade V-Ray for 3ds Max to V-Ray Collection');
    await up.getByRole('status').getByText('No payment method saved').waitFor();
    await up.locator('.portal-quote').waitFor();
    assert.ok(await up.getByRole('button', { name: /^Upgrade 1 seat · / }).isDisabled());
    await screenshot(page, 'portal-upgrade-no-card');
    await up.getByRole('link', { name: 'Billing → Payment methods' }).click();
    await page.getByRole('button', { name: 'Add a card' }).click();
    await page.getByLabel('Cardholder').fill('Elena Petrova');
    await page.getByLabel('Card number').fill('4242 4242 4242 4242');
    await page.getByLabel('Expiry (MM/YY)').fill('12/99');
    await page.getByRole('button', { name: 'Save card' }).click();
    await page.getByText('Visa •••• 4242').waitFor();
    await go(page, '#/products/active', 'Products');
    await upgrade.click();
    await up.getByLabel('Seats to upgrade').waitFor();
    const quote = up.locator('.portal-quote');
    await quote.getByText(/Prorated for the \d+ of 365 days/).waitFor();
    const price = /EUR [\d,]+\.\d\d/.exec(await quote.innerText())?.[0] ?? '';
    assert.match(price, /^EUR /);
    await screenshot(page, 'portal-upgrade-quote');
    await up.getByRole('button', { name: `Upgrade 1 seat · ${price}` }).click();
    const receipt = dialog(page, 'Payment received');
    await receipt
      .getByText(/Upgrade done: Upgrade V-Ray for 3ds Max to V-Ray Collection/)
      .waitFor();
    await receipt.getByRole('button', { name: 'Got it' }).click();

    // The upgrade's invoice, saved as a PDF: its text has the number and the quoted amount.
    await go(page, '#/billing/invoices', 'Billing');
    const row = page.locator('tr[data-invoice]', { hasText: 'Upgrade V-Ray for 3ds Max' });
    const number = await row.getAttribute('data-invoice');
    assert.ok(number);
    assert.ok((await row.innerText()).includes(price), 'the invoice is the quoted price');
    await row.getByRole('button', { name: `Download ${number} as PDF` }).click();
    const pdfPath = await savedPath(row.getByText(/^Saved to /));
    const text = spawnSync('pdftotext', [pdfPath, '-'], { encoding: 'utf8' }).stdout;
    assert.ok(text.includes(number), text);
    assert.ok(text.includes(price.replace('EUR ', '')), text);

    // An installer from Downloads: saved, its SHA-256 the one the table shows.
    await go(page, '#/products/downloads', 'Products');
    const first = page.locator('tbody tr').first();
    const shown = (await first.locator('code.portal-hash').innerText()).trim();
    await first.getByRole('button', { name: 'Download', exact: true }).click();
    const file = await savedPath(first.getByRole('status'));
    assert.match(await first.getByRole('status').innerText(), /^Saved, checksum verified: /);
    assert.equal(createHash('sha256').update(readFileSync(file)).digest('hex'), shown);
    await screenshot(page, 'portal-downloads-saved');
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
    await app.stop();
  }
});
