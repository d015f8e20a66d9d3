// Issue 17: the user list reads the page it paints from the core. At 60 users and 25 per page:
// the pager, "Select all" across every page and every match of a filter, the action bar's flows
// and "Download CSV" with checked users on other pages than the one shown.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { startCloudServer, type CloudServer } from '../../src-cloud/server.ts';
import { BIG_ADMIN, buildBigOrg } from '../support/big-org.ts';
import { launchBrowser, openPage, screenshot, startServe, type ServedApp } from './harness.ts';
import { openOrganization, userRow } from './org-pages.ts';

const USERS = 60;
let dir: string;
let cloud: CloudServer;
let browser: Browser;
let app: ServedApp;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clm-e2e-pages-'));
  await buildBigOrg(dir, { users: USERS, guestEvery: 4 });
  cloud = await startCloudServer({ port: 0, dataDir: dir });
  [browser, app] = await Promise.all([launchBrowser(), startServe({ cloudUrl: cloud.url })]);
});
after(async () => {
  await browser?.close();
  await app?.stop();
  await cloud?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('pages of the user list, select all across pages, and flows on checked users of other pages', async () => {
  const { page, context, problems } = await openPage(browser, app.base);
  try {
    await openOrganization(page, app.loginUrl, 'user0@big.test', BIG_ADMIN);
    const pager = page.locator('.org-pager');
    await pager.getByText('60 users', { exact: true }).waitFor();
    await page.getByRole('combobox', { name: 'Users per page' }).selectOption('25');
    await pager.getByText('Page 1 of 3').waitFor();
    // In the list's order (by name, as people read them): User 0, User 1, User 10, …, User 19,
    // User 2, …: page 2 starts at User 31. Read to the bottom of page 1 first: the next page is
    // shown from its top.
    const scroller = page.locator('.org-scroll');
    await scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    assert.ok((await scroller.evaluate((el) => el.scrollTop)) > 0, 'page 1 scrolls');
    await page.getByRole('button', { name: 'Next' }).click();
    await pager.getByText('Page 2 of 3').waitFor();
    await userRow(page, 'user40@big.test').waitFor();
    assert.equal(await userRow(page, 'user0@big.test').count(), 0);
    assert.equal(await scroller.evaluate((el) => el.scrollTop), 0);
    await screenshot(page, 'org-pages-second');

    // Select all: every user of every page, said in the action bar.
    const bar = page.getByRole('toolbar', { name: 'Selected users' });
    await page.getByRole('checkbox', { name: 'Select all 60 users' }).check();
    await bar.getByText('60 of 60 users selected').waitFor();
    await page.getByRole('checkbox', { name: 'Select all 60 users' }).uncheck();
    await bar.waitFor({ state: 'detached' });

    // A filter: its matches only, on whatever page they fall.
    await page.getByRole('combobox', { name: 'Role' }).selectOption('guest');
    await pager.getByText('15 of 60 users match').waitFor();
    await pager.getByText('Page 1 of 1').waitFor();
    await page.getByRole('checkbox', { name: 'Select all 15 matching users' }).check();
    await bar.getByText('15 of 60 users selected').waitFor();
    await bar.getByRole('button', { name: 'Clear' }).click();
    await page.getByRole('combobox', { name: 'Role' }).selectOption('all');
    await pager.getByText('60 users', { exact: true }).waitFor();

    // One user checked on page 1, one on page 3: the flows and the download see both.
    await page.getByRole('checkbox', { name: /^Select User 0\b/ }).check();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Next' }).click();
    await pager.getByText('Page 3 of 3').waitFor();
    await page.getByRole('checkbox', { name: /^Select User 9\b/ }).check();
    await bar.getByText('2 of 60 users selected').waitFor();
    await bar.getByRole('button', { name: 'Remove users' }).click();
    const remove = page.getByRole('dialog', { name: 'Remove users' });
    await remove.getByText('user0@big.test').waitFor();
    await remove.getByText('user9@big.test').waitFor();
    await screenshot(page, 'org-pages-remove-two-pages');
    await remove.getByRole('button', { name: 'Cancel' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV (2 selected)' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), 'organization-users-selected.csv');
    const lines = readFileSync((await download.path()) as string, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    assert.deepEqual(
      lines.slice(1).map((l) => l.split(',')[0]),
      ['user0@big.test', 'user9@big.test'],
    );
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
