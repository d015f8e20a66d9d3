// Issue 6 (Export and activity; Credits tile): in Chromium against `clm serve` and a real cloud on
// the demo seed — the Credits dialog's lots and Total (equal to the tile); an admin change shown at
// the top of the Activity tab; user and operation filters narrowing it; "Load older"; and the
// offline state once the cloud is gone. Screens go to test-results/screenshots.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { Page } from 'playwright-core';
import { resolveRelativeDate } from '../../src-shared/relative-date.ts';
import { formatLotDate } from '../../src-renderer/views/credits/lotFormat.ts';
import { ADMIN, removeTempDirs, startCloud, tempDir } from '../sync/helpers.ts';
import { launchBrowser, openPage, screenshot, startServe } from './harness.ts';

after(removeTempDirs);

const PRIYA = 'priya.nair@northwind.example';
const MARCO = 'marco.rossi@northwind.example';

/** The admin's own REST calls to the cloud, for activity the test does not click through. */
async function adminApi(base: string) {
  const signIn = await fetch(`${base}/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  const { accessToken } = (await signIn.json()) as { accessToken: string };
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(base + path, {
      method,
      headers: {
        authorization: `Bearer ${accessToken}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    assert.equal(res.status, 200, `${path}: ${await res.clone().text()}`);
    return (await res.json()) as T;
  };
  return call;
}

const rows = (page: Page) => page.locator('.activity-table tbody tr[data-activity]');
/** Waits for the count under the table, which says how many entries the list now shows. */
const footer = (page: Page, text: string) =>
  page.locator('.activity-foot').getByText(text, { exact: true }).waitFor();

test('activity log and credit lots', { timeout: 120_000 }, async () => {
  const cloudDir = tempDir('cloud');
  // The seed's lots expire relative to when it loads: the days a person sees, from that time.
  const seededAt = Date.now();
  const day = (rel: string) => formatLotDate(resolveRelativeDate(rel, seededAt));
  const cloud = await startCloud(cloudDir);
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
    const priya = page.locator(`[role="row"][data-user="${PRIYA}"]`);
    await priya.waitFor();

    // Credits tile → Balance and lots: the demo seed's lots, earliest expiry first, then none.
    const tile = page.getByRole('region', { name: 'Credits' });
    const tileValue = (await tile.locator('.org-tile-value').innerText()).trim();
    await page.getByRole('button', { name: 'Credits menu' }).click();
    await page.getByRole('menuitem', { name: 'Balance and lots' }).click();
    const credits = page.getByRole('dialog', { name: 'Cloud credits' });
    const lots = credits.locator('tbody tr');
    await lots.first().getByText(day('+17d')).waitFor();
    assert.deepEqual(await lots.allInnerTexts(), [
      `${day('+17d')}\t42.125`,
      `${day('+97d')}\t312.500`,
      `${day('+281d')}\t1,000.000`,
      'No expiration date\t180.750',
    ]);
    const total = credits.locator('tfoot tr');
    assert.equal(await total.innerText(), 'Total\t1,535.375');
    assert.equal(tileValue, '1,535.375', "the tile's balance is the table's Total");
    assert.match(await credits.innerText(), /as of \d{1,2} \w{3} \d{4} • \d{1,2}:\d{2} [AP]M/);
    await screenshot(page, 'credits-lots');
    await credits.getByRole('button', { name: 'Close' }).first().click();
    await credits.waitFor({ state: 'hidden' });

    // The admin's change: Priya's quota through the popover, sent by the outbox.
    await priya.getByRole('button', { name: /Cloud credit access of/ }).click();
    const popover = page.getByRole('dialog', { name: /Update Cloud Credit Access/ });
    await popover.getByLabel('50', { exact: true }).check();
    await popover.getByRole('button', { name: 'Update' }).click();
    await priya.getByText('Pending').waitFor({ state: 'detached' });

    // Activity tab: the change at the top, in words.
    await page.getByRole('link', { name: 'Activity', exact: true }).click();
    // The address follows the click a moment later (a same-document navigation is reported async).
    await page.waitForURL(/#\/organization\/activity$/);
    const top = rows(page).first();
    await top.waitFor();
    assert.match(await top.innerText(), /Updated cloud credit access/);
    assert.match(await top.innerText(), new RegExp(PRIYA.replace(/\./g, '\\.')));
    assert.match(await top.innerText(), /50 credits/);
    assert.match(await top.innerText(), /Elena Petrova/);
    assert.match(await top.innerText(), /Accepted/);
    await screenshot(page, 'activity-log');

    // More activity: a refused invitation, a cancelled one, and enough quota changes to page.
    const call = await adminApi(cloud.url);
    const users = await call<{ users: Array<{ id: string; email: string }> }>(
      'GET',
      '/v1/org/users',
    );
    const marcoId = users.users.find((u) => u.email === MARCO)?.id;
    assert.ok(marcoId);
    await call('POST', '/v1/org/invitations/cancel', { invitationId: 'inv_tom_member' });
    await call('POST', '/v1/org/invitations', {
      email: 'nobody@nowhere.example',
      role: 'guest',
    }).catch(() => undefined);
    for (let i = 0; i < 55; i++)
      await call('POST', '/v1/org/credit-access', {
        userIds: [marcoId],
        access: { mode: 'limit', limit: 100 + i },
      });

    // Filter by user (a part of the email): Priya's one entry; then Marco's 55, a page at a time.
    const userBox = page.getByRole('searchbox', { name: 'Filter by user email' });
    await userBox.fill('PRIYA');
    await footer(page, '1 operation · the beginning of the log');
    assert.match((await rows(page).allInnerTexts())[0] ?? '', /priya\.nair@northwind\.example/);
    await userBox.fill('marco.ross');
    await footer(page, '50 operations');
    const marcoRows = await rows(page).allInnerTexts();
    assert.equal(marcoRows.length, 50, 'one page of 50');
    assert.ok(marcoRows.every((t) => t.includes(MARCO) && !t.includes(PRIYA)));
    const older = page.getByRole('button', { name: 'Load older' });
    await older.click();
    await footer(page, '55 operations · the beginning of the log');
    assert.equal(await older.count(), 0);
    await page.locator('.activity-foot').scrollIntoViewIfNeeded();
    await screenshot(page, 'activity-load-older');
    await userBox.scrollIntoViewIfNeeded();
    await screenshot(page, 'activity-filter-user');

    // Keyboard: Tab goes from the user box to the operation select.
    await userBox.focus();
    await page.keyboard.press('Tab');
    assert.equal(
      await page.locator('select:focus').getAttribute('id'),
      await page.getByLabel('Operation').getAttribute('id'),
    );

    // Filter by operation: with the user filter cleared, only the cancelled invitation.
    await userBox.fill('');
    await page.getByLabel('Operation').selectOption('cancelInvitation');
    await footer(page, '1 operation · the beginning of the log');
    const [cancelled] = await rows(page).allInnerTexts();
    assert.match(cancelled ?? '', /Cancelled an invitation/);
    assert.match(cancelled ?? '', /tom\.novak@example\.com/);
    await screenshot(page, 'activity-filter-operation');

    // A refused operation shows its reason.
    await page.getByLabel('Operation').selectOption('invite');
    await rows(page).first().getByText('Rejected').waitFor();
    assert.match(await rows(page).first().innerText(), /does not exist/);
    await screenshot(page, 'activity-rejected');

    // Nothing matches: an empty state, not an empty table.
    await userBox.fill('no-such-user');
    await page.getByText('No activity matches these filters').waitFor();
    await screenshot(page, 'activity-empty');

    // Offline: the cloud is gone; the tab says where the log lives, with the data's age.
    await cloud.close();
    const bar = page.getByRole('contentinfo', { name: 'Sync status' });
    await bar.getByRole('button', { name: 'Sync now' }).click();
    await bar.getByText(/Offline/).waitFor();
    await userBox.fill('');
    await page.getByLabel('Operation').selectOption('');
    await page.getByText('The activity log is kept by the cloud. Connect to see it.').waitFor();
    await page.getByText(/Last synced (just now|\d+ minutes? ago)/).waitFor();
    assert.equal(await page.getByText(/at .*\.ts:\d+|Error:/).count(), 0, 'no stack shown');
    await screenshot(page, 'activity-offline');

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
