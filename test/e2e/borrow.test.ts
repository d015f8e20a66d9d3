// Chromium: Licensing shows this machine's borrowed seats with days left
// and a Return button, and Borrow… with a days picker; the organization view shows "Borrowed
// until …" on the product a member borrowed. Screenshots go to CLM_SHOTS_DIR (or /tmp).
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { startTestCloud, type TestCloud } from '../cloud/helpers.ts';
import { launchBrowser, openPage, startServe, type ServedApp } from './harness.ts';

const ADMIN = 'admin@northwind.example';
const MARCO = 'marco.rossi@northwind.example';
const shots = process.env.CLM_SHOTS_DIR ?? '/tmp';
let browser: Browser;
let cloud: TestCloud;
let app: ServedApp;
let page: Page;

before(async () => {
  browser = await launchBrowser();
  cloud = await startTestCloud();
  // Marco borrowed his V-Ray seat on his own machine before the administrator looks.
  const { publicKey } = generateKeyPairSync('ed25519');
  const marco = await cloud.signIn(MARCO);
  const answer = await cloud.call(
    'POST',
    '/v1/borrows',
    {
      product: 'vray-3dsmax',
      days: 10,
      fingerprint: 'abcd-0123-4567-89ab-cdef-0123-4567-89ab',
      publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      name: 'marco-laptop',
      host: 'marco-laptop',
    },
    marco.accessToken,
  );
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  app = await startServe({ cloudUrl: cloud.url });
  ({ page } = await openPage(browser, app.base));
  await page.goto(app.loginUrl);
  await page.getByLabel('Email', { exact: true }).fill(ADMIN);
  await page.getByLabel('Password', { exact: true }).fill('demo1234');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('heading', { name: 'Organization', level: 1 }).waitFor();
});
after(async () => {
  await browser?.close();
  await app?.stop();
  await cloud?.close();
});

test('the organization view shows "Borrowed until …" on the borrowed product', async () => {
  const row = page.getByRole('row', { name: new RegExp(MARCO.replace(/\./g, '\\.')) }).first();
  await row.getByText(/^Borrowed until /).waitFor();
  await row.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(shots, 'borrow-organization.png') });
});

test('Licensing: Borrow… for 5 days, then the seat with days left and Return', async () => {
  await page.getByRole('link', { name: 'Licensing', exact: true }).click();
  const panel = page.getByRole('region', { name: 'Borrowed for offline use' });
  await panel.getByText('This machine has no borrowed seats.').waitFor();
  const form = panel.getByRole('form', { name: 'Borrow a seat' });
  await form.getByLabel('Product').selectOption('vray-3dsmax');
  await form.getByLabel('Days').selectOption('5');
  await form.getByRole('button', { name: 'Borrow' }).click();
  const row = panel.getByRole('row', { name: /V-Ray/ }).first();
  await row.getByText('5 days left').waitFor();
  await row.getByRole('button', { name: 'Return' }).waitFor();
  await page.getByRole('button', { name: 'Close' }).first().click();
  await panel.scrollIntoViewIfNeeded();
  await panel.screenshot({ path: join(shots, 'borrow-licensing.png') });
  await row.getByRole('button', { name: 'Return' }).click();
  await panel.getByText('This machine has no borrowed seats.').waitFor();
});
