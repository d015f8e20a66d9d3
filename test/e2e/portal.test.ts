// Chromium against the real headless app and its demo cloud: the
// administrator adds seats at the prorated price shown before confirming (equal to the invoice),
// disables auto-renewal, pays one invoice then all — the outstanding balance follows; a guest buys
// an expired product again; a member is refused at the store (and may still apply for a beta).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { MEMBERS_CANNOT_PURCHASE } from '../../src-shared/org/messages.ts';
import { launchBrowser, openPage, screenshot, startServe } from './harness.ts';

const ADMIN = 'admin@northwind.example';
const GRACE = 'grace.miller@brightline.example';
const MARCO = 'marco.rossi@northwind.example';

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
  await page.evaluate((h) => (window.location.hash = h), hash);
  await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
}

async function addCard(page: Page, holder: string): Promise<void> {
  await go(page, '#/billing/methods', 'Billing');
  await page.getByRole('button', { name: 'Add a card' }).click();
  await page.getByLabel('Cardholder').fill(holder);
  await page.getByLabel('Card number').fill('4242 4242 4242 4242');
  await page.getByLabel('Expiry (MM/YY)').fill('12/99');
  await page.getByRole('button', { name: 'Save card' }).click();
  await page.getByText('Visa •••• 4242').waitFor();
}

const dialog = (page: Page, name: string | RegExp): Locator => page.getByRole('dialog', { name });
const outstanding = (page: Page): Locator => page.getByTestId('outstanding');

test(
  'the portal: add seats, auto-renewal, buy again, pay one and all; a member is refused',
  { timeout: 180_000 },
  async () => {
    const app = await startServe();
    const browser = await launchBrowser();
    try {
      const { page, context, problems } = await openPage(browser, app.base);
      await page.goto(app.loginUrl);
      await signIn(page, ADMIN);
      await addCard(page, 'Elena Petrova');

      // Add seats: the prorated price is shown before confirming, and it is the invoice's amount.
      await go(page, '#/products/active', 'Products');
      const collection = page.locator('tr[data-subscription="pur_nw_vraycollection"]');
      await collection.getByRole('button', { name: '+ Add seats' }).click();
      const add = dialog(page, 'Add seats to V-Ray Collection');
      await add.getByLabel('Seats to add').fill('2');
      const quote = add.locator('.portal-quote');
      await quote.getByText(/Prorated for the 219 of 365 days/).waitFor();
      const price = /EUR [\d,]+\.\d\d/.exec(await quote.innerText())?.[0] ?? '';
      assert.equal(price, 'EUR 838.80');
      await screenshot(page, 'portal-add-seats-quote');
      await add.getByRole('button', { name: `Add 2 seats · ${price}` }).click();
      const receipt = dialog(page, 'Payment received');
      await receipt.getByText(price).waitFor();
      await screenshot(page, 'portal-add-seats-receipt');
      await receipt.getByRole('button', { name: 'Got it' }).click();
      await collection.locator('td.num', { hasText: '5' }).waitFor();

      // Disable auto-renewal of V-Ray for 3ds Max (renews in 98 days: inside the window).
      const vray = page.locator('tr[data-subscription="pur_nw_vray3dsmax_2027_03"]');
      await vray.getByRole('button', { name: 'Disable auto-renewal' }).click();
      await vray.getByText('Auto-renew off').waitFor();
      await vray.getByRole('button', { name: 'Enable auto-renewal' }).waitFor();
      await screenshot(page, 'portal-active-products');

      // Billing: the outstanding balance, then Pay one, then Pay all.
      await go(page, '#/billing/invoices', 'Billing');
      await outstanding(page).getByText('EUR 1,119.80').waitFor();
      const added = page.locator('tr[data-invoice]', {
        hasText: 'V-Ray Collection, annual, 2 more seats',
      });
      assert.match(
        await added.innerText(),
        new RegExp(`${price.replace('.', '\\.')}[\\s\\S]*Paid`),
      );
      await page.getByRole('button', { name: 'Pay INV-2026-006021' }).click();
      const pay = dialog(page, 'Pay INV-2026-006021');
      await pay.getByText(/simulated/).waitFor();
      await screenshot(page, 'portal-pay-confirm');
      await pay.getByRole('button', { name: 'Pay EUR 119.80' }).click();
      await dialog(page, 'Payment received').getByRole('button', { name: 'Got it' }).click();
      await outstanding(page).getByText('EUR 1,000.00').waitFor();
      await page.getByRole('button', { name: 'Pay all' }).click();
      await dialog(page, 'Pay all').getByRole('button', { name: 'Pay EUR 1,000.00' }).click();
      await dialog(page, 'Payment received').getByText('INV-2026-005877').waitFor();
      await screenshot(page, 'portal-pay-all-receipt');
      await dialog(page, 'Payment received').getByRole('button', { name: 'Got it' }).click();
      await outstanding(page).getByText('EUR 0.00').waitFor();
      await page.getByLabel('Invoice number').fill('5877');
      await page.locator('tr[data-invoice="INV-2026-005877"]').getByText('Paid').waitFor();
      // The search answers with that one invoice alone.
      await page.locator('tr[data-invoice]').nth(1).waitFor({ state: 'detached' });
      await screenshot(page, 'portal-invoices-paid');

      // Billing information with a VAT ID; a wrong one is refused with the field named.
      await go(page, '#/billing/info', 'Billing');
      await page.getByLabel('Address').fill('1 Vitosha Blvd, 1000 Sofia');
      await page.getByLabel('VAT ID (optional)').fill('BG 1');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByText('Enter the VAT ID as a country code and number').waitFor();
      await page.getByLabel('VAT ID (optional)').fill('BG204871365');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByText('Billing information saved').waitFor();
      await screenshot(page, 'portal-billing-info');

      // Account: name and country are editable; Learning and Support have their resources.
      await go(page, '#/account', 'Account');
      await page.getByRole('button', { name: 'Edit name and country' }).click();
      await page.getByLabel('Country').fill('Greece');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.locator('.details dd', { hasText: 'Greece' }).waitFor();
      await go(page, '#/learning', 'Learning');
      await page.getByRole('link', { name: 'Chaos Docs' }).waitFor();
      await screenshot(page, 'portal-learning');
      await go(page, '#/support', 'Support');
      await page.getByRole('link', { name: 'Help Center' }).waitFor();
      await signOut(page);

      // Grace buys her expired Phoenix for Maya again: a new active subscription.
      await signIn(page, GRACE);
      const prompt = dialog(page, 'Invitation to join Northwind Visualization');
      await prompt.locator('.org-dialog-head').getByRole('button', { name: 'Close' }).click();
      await addCard(page, 'Grace Miller');
      await go(page, '#/products/expired', 'Products');
      const expired = page.locator('tr', { hasText: 'Phoenix for Maya' });
      await expired.getByRole('button', { name: 'Buy again' }).click();
      const cart = dialog(page, 'Cart: Phoenix for Maya');
      await cart.getByText('Visa •••• 4242').waitFor();
      await screenshot(page, 'portal-buy-again-cart');
      await cart.getByRole('button', { name: 'Place order · EUR 380.00' }).click();
      await dialog(page, 'Payment received').getByRole('button', { name: 'Got it' }).click();
      await go(page, '#/products/active', 'Products');
      await page.locator('tbody tr', { hasText: 'Phoenix for Maya' }).waitFor();
      await signOut(page);

      // Marco, a Member: refused at the store with the seeds' message, a beta still open to him.
      await signIn(page, MARCO);
      await go(page, '#/products/store', 'Products');
      const refusal = page.getByText(MEMBERS_CANNOT_PURCHASE);
      await refusal.first().waitFor();
      assert.equal(await page.getByRole('button', { name: 'Buy', exact: true }).count(), 0);
      const maya = page.locator('tr', { hasText: 'V-Ray for Maya' });
      await maya.getByRole('button', { name: 'Apply for beta' }).click();
      await maya.getByText('Your beta of V-Ray for Maya is active').waitFor();
      await screenshot(page, 'portal-store-member');
      assert.deepEqual(problems, []);
      await context.close();
    } finally {
      await browser.close();
      await app.stop();
    }
  },
);
