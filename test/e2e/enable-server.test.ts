// ENABLE in the License Server view (issue 12, docs/sources.md, Online licensing: "click ENABLE … enter your username and
// password"): on a machine first activated by the administrator, a member enables the server
// with their own account and it then serves the member's own seats; a wrong password is refused
// with the cloud's reason and the server keeps serving what it served.
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { startTestCloud, type TestCloud } from '../cloud/helpers.ts';
import { launchBrowser, openPage, startServe, type ServedApp } from './harness.ts';

const ADMIN = 'admin@northwind.example';
const MEMBER = 'marco.rossi@northwind.example';
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

async function enable(page: Page, email: string, password: string): Promise<void> {
  // After a refusal the form stays open with the reason, ready for another try.
  const button = page.getByRole('button', { name: 'Enable', exact: true });
  if (await button.isVisible()) await button.click();
  await page.getByLabel('Username (email)').fill(email);
  await page.getByLabel('Account password').fill(password);
  await page.getByRole('button', { name: 'Enable this license server' }).click();
}

test('a member enables the license server with their own account and it serves their seats', async () => {
  const { page } = await openPage(browser, app.base);
  await page.goto(app.loginUrl);
  await page.getByLabel('Email', { exact: true }).fill(ADMIN);
  await page.getByLabel('Password', { exact: true }).fill('demo1234');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('heading', { name: 'Organization', level: 1 }).waitFor();
  await page.getByRole('link', { name: 'Licensing', exact: true }).click();
  await page.getByRole('link', { name: 'License server', exact: true }).click();
  await page.getByText(`the organization's unassigned seats (administrator ${ADMIN})`).waitFor();
  await page.getByRole('button', { name: 'Enable', exact: true }).waitFor();
  if (shots) await page.screenshot({ path: join(shots, 'enable-before.png'), fullPage: true });

  await enable(page, MEMBER, 'not-the-password');
  await page.getByText('Not enabled').waitFor();
  await page.getByText(`the organization's unassigned seats (administrator ${ADMIN})`).waitFor();
  if (shots) await page.screenshot({ path: join(shots, 'enable-refused.png'), fullPage: true });

  await enable(page, MEMBER, 'demo1234');
  await page.getByText(`Enabled: this license server now serves the seats of ${MEMBER}.`).waitFor();
  await page
    .getByText(/Serves .*marco\.rossi@northwind\.example/)
    .first()
    .waitFor();
  if (shots) await page.screenshot({ path: join(shots, 'enable-member.png'), fullPage: true });
});
