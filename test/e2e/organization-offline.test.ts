// Offline admin change: with the cloud stopped, a credit-access change made
// in the Organization view shows as Pending at once; after the cloud returns it is applied.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { ADMIN, removeTempDirs, startCloud, tempDir } from '../sync/helpers.ts';
import { launchBrowser, openPage, screenshot, startServe } from './harness.ts';

after(removeTempDirs);

test('an offline admin change shows as pending, then applied', { timeout: 90_000 }, async () => {
  const cloudDir = tempDir('cloud');
  let cloud = await startCloud(cloudDir);
  const port = cloud.port;
  const app = await startServe({ cloudUrl: cloud.url });
  const browser = await launchBrowser();
  try {
    const { page, context, problems } = await openPage(browser, app.base);
    await page.goto(app.loginUrl);
    await page.getByLabel('Email', { exact: true }).fill(ADMIN.email);
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('heading', { name: 'Organization', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Organization' }).click();
    const bar = page.getByRole('contentinfo', { name: 'Sync status' });
    const priya = page.locator('[role="row"][data-user="priya.nair@northwind.example"]');
    await priya.waitFor();

    await cloud.close();
    await bar.getByRole('button', { name: 'Sync now' }).click();
    await bar.getByText(/Offline/).waitFor();

    await priya.getByRole('button', { name: /Cloud credit access of/ }).click();
    const popover = page.getByRole('dialog', { name: /Update Cloud Credit Access/ });
    await popover.getByLabel('Custom', { exact: true }).check();
    await popover.getByRole('spinbutton').fill('2');
    await popover.getByText('Cloud credits access · 2 / 2').waitFor();
    await popover.getByRole('button', { name: 'Update' }).click();
    await priya.getByText('Pending').waitFor();
    assert.match(await priya.innerText(), /2 \/ 2/);
    await bar.getByText('1 pending change').waitFor();
    await screenshot(page, 'org-offline-pending');

    cloud = await startCloud(cloudDir, port);
    await bar.getByRole('button', { name: 'Sync now' }).click();
    await bar.getByText('Online').waitFor();
    await priya.getByText('Pending').waitFor({ state: 'detached' });
    assert.match(await priya.innerText(), /2 \/ 2/);
    await bar.getByText(/pending change/).waitFor({ state: 'detached' });
    await screenshot(page, 'org-offline-applied');
    assert.deepEqual(
      problems.filter(
        (p) => !/status of 401|Failed to load resource|ERR_CONNECTION_REFUSED/.test(p),
      ),
      [],
    );
    await context.close();
  } finally {
    await browser.close();
    await app.stop();
    await cloud.close().catch(() => undefined);
  }
});
