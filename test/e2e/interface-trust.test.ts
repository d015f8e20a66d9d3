// The demo seed in Chromium: a refused credit change shows the cloud's
// reason in its popover; the failed-changes panel lists a refused change with Retry and Dismiss
// and keeps it across sign-out and a restart until dismissed; a removal that cannot succeed is
// disabled with its reason; offline is said in words within 3 s of the first failed request.
// Screens go to test-results/screenshots.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { GUEST_HAS_PERSONAL_CREDITS } from '../../src-shared/org/messages.ts';
import { within } from '../support/wait.ts';
import { ADMIN, removeTempDirs, startCloud, tempDir } from '../sync/helpers.ts';
import { launchBrowser, openPage, screenshot, startServe, type ServedApp } from './harness.ts';
import { userRow } from './org-pages.ts';

after(removeTempDirs);

const HANNAH = 'hannah@schultz-arch.example';
const OFFLINE_SENTENCE = 'Can’t reach the Chaos cloud — your changes will be sent when you’re back';
const bar = (page: Page): Locator => page.getByRole('contentinfo', { name: 'Sync status' });

async function signIn(page: Page): Promise<void> {
  await page.getByLabel('Email', { exact: true }).fill(ADMIN.email);
  await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('button', { name: 'Account menu' }).waitFor();
}

async function openUsers(page: Page): Promise<void> {
  await page.evaluate(() => (window.location.hash = '#/organization/users'));
  await userRow(page, HANNAH).waitFor();
}

/** The app's bridge over HTTP, as the page uses it (a change made outside the popover). */
function bridgeCall(app: ServedApp) {
  return async (name: string, input: unknown): Promise<{ ok: boolean; value?: unknown }> => {
    const res = await fetch(`${app.base}/api/call/${name}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${app.token}`,
        'x-clm-bridge': '1',
        'content-type': 'application/json',
      },
      body: JSON.stringify(input),
    });
    return (await res.json()) as { ok: boolean; value?: unknown };
  };
}

test(
  'a refused change says why where it was made, and in a failed-changes panel kept until dismissed',
  { timeout: 180_000 },
  async () => {
    const cloudDir = tempDir('cloud');
    const cloud = await startCloud(cloudDir);
    const dataDir = tempDir('app');
    let app = await startServe({ cloudUrl: cloud.url, dataDir });
    const browser = await launchBrowser();
    try {
      let { page, context } = await openPage(browser, app.base);
      await page.goto(app.loginUrl);
      // Without a keychain here the sign-in page speaks to a desktop user, not an operator.
      assert.doesNotMatch(
        await page.locator('main, body').first().innerText(),
        /--credential-file/,
      );
      await signIn(page);
      // The administrator lands on Organization.
      await page.getByRole('heading', { name: 'Organization', level: 1 }).waitFor();
      await openUsers(page);

      // Hannah is a Guest with personal credits: the cloud refuses organizational access.
      await userRow(page, HANNAH)
        .getByRole('button', { name: /Cloud credit access of/ })
        .click();
      const popover = page.getByRole('dialog', { name: /Update Cloud Credit Access/ });
      await popover.getByLabel('Unlimited', { exact: true }).check();
      await popover.getByRole('button', { name: 'Update' }).click();
      await popover.getByText('Not changed — the Chaos cloud refused it').waitFor();
      await popover.getByText(GUEST_HAS_PERSONAL_CREDITS).waitFor();
      await screenshot(page, 'trust-credit-refused');
      assert.match(await userRow(page, HANNAH).innerText(), /Disabled/);
      await popover.getByRole('button', { name: 'Close' }).click();
      await popover.waitFor({ state: 'detached' });
      // Read in the popover, the refusal does not linger among the failed changes.
      await bar(page)
        .getByText(/pending change/)
        .waitFor({ state: 'detached' });
      assert.equal(
        await bar(page)
          .getByRole('button', { name: /failed change/ })
          .count(),
        0,
      );

      // The same change made elsewhere (not in view): the status bar's panel tells its fate.
      const call = bridgeCall(app);
      const users = (await call('org.users', {})).value as {
        users: { id: string; email: string }[];
      };
      const id = users.users.find((u) => u.email === HANNAH)?.id ?? '';
      assert.equal(
        (await call('org.setCreditAccess', { userIds: [id], access: { mode: 'unlimited' } })).ok,
        true,
      );
      const failedButton = bar(page).getByRole('button', { name: '1 failed change' });
      await failedButton.click();
      const failedPanel = (p: Page) => p.getByRole('dialog', { name: 'Failed changes' });
      let panel = failedPanel(page);
      await panel.getByText(GUEST_HAS_PERSONAL_CREDITS).waitFor();
      assert.equal(await panel.getByRole('button', { name: 'Retry' }).count(), 1);
      assert.equal(await panel.getByRole('button', { name: 'Dismiss', exact: true }).count(), 1);
      await screenshot(page, 'trust-failed-panel');
      await page.keyboard.press('Escape');

      // Kept across sign-out and sign-in …
      await page.getByRole('button', { name: 'Account menu' }).click();
      await page.getByRole('menuitem', { name: 'Sign out' }).click();
      await signIn(page);
      await bar(page).getByRole('button', { name: '1 failed change' }).waitFor();

      // … and across a restart of the app.
      await context.close();
      await app.stop();
      app = await startServe({ cloudUrl: cloud.url, dataDir });
      ({ page, context } = await openPage(browser, app.base));
      panel = failedPanel(page);
      await page.goto(app.loginUrl);
      await page.getByRole('button', { name: 'Account menu' }).waitFor();
      await bar(page).getByRole('button', { name: '1 failed change' }).click();
      await panel.getByText(GUEST_HAS_PERSONAL_CREDITS).waitFor();
      await screenshot(page, 'trust-failed-panel-after-restart');

      // Dismissed, it is gone for good.
      await panel.getByRole('button', { name: 'Dismiss', exact: true }).click();
      await bar(page)
        .getByRole('button', { name: /failed change/ })
        .waitFor({ state: 'detached' });
      await page.getByRole('button', { name: 'Account menu' }).click();
      await page.getByRole('menuitem', { name: 'Sign out' }).click();
      await signIn(page);
      await bar(page).getByText('Online').waitFor();
      assert.equal(
        await bar(page)
          .getByRole('button', { name: /failed change/ })
          .count(),
        0,
      );

      // No doomed button: Hannah holds products, so Remove is disabled with the way out.
      await openUsers(page);
      await userRow(page, HANNAH)
        .getByRole('button', { name: `Actions for ${HANNAH}` })
        .click();
      await page.getByRole('menuitem', { name: 'Remove user' }).click();
      const remove = page.getByRole('dialog', { name: 'Remove users' });
      const button = remove.getByRole('button', { name: 'Remove 1 user' });
      await remove.getByText('Revoke products first', { exact: false }).waitFor();
      assert.equal(await button.isDisabled(), true);
      await screenshot(page, 'trust-remove-doomed');
      await remove.getByRole('button', { name: 'Cancel' }).click();

      // A completed action says so: Allocate reports what it did.
      const olivia = 'olivia.brown@freelance.example';
      await userRow(page, olivia)
        .getByRole('button', { name: `Actions for ${olivia}` })
        .click();
      await page.getByRole('menuitem', { name: 'Allocate product to user' }).click();
      const allocate = page.getByRole('dialog', { name: 'Allocate product to user' });
      await allocate.getByLabel(/^V-Ray Render Node/).check();
      await allocate.getByRole('button', { name: 'Allocate' }).click();
      await allocate.waitFor({ state: 'detached' });
      await page
        .getByRole('status')
        .filter({ hasText: /V-Ray Render Node allocated to Olivia Brown\./ })
        .waitFor();
      await screenshot(page, 'trust-allocated');
      await context.close();
    } finally {
      await browser.close();
      await app.stop();
      await cloud.close();
    }
  },
);

test(
  'offline is said in words within 3 s of the first failed request',
  { timeout: 90_000 },
  async () => {
    const cloud = await startCloud(tempDir('cloud'));
    const app = await startServe({ cloudUrl: cloud.url });
    const browser = await launchBrowser();
    try {
      const { page, context } = await openPage(browser, app.base);
      await page.goto(app.loginUrl);
      await signIn(page);
      await openUsers(page);
      await bar(page).getByText('Online').waitFor();

      await cloud.close();
      // The first request after the cloud is gone: the Activity tab asks the cloud.
      await page.getByRole('link', { name: 'Activity', exact: true }).click();
      await within('the offline sentence', bar(page).getByText(OFFLINE_SENTENCE).waitFor(), 3000);
      assert.equal(await bar(page).getByRole('status', { name: 'Syncing' }).count(), 0);
      const text = await bar(page).innerText();
      assert.doesNotMatch(text, /http:\/\//, 'the address only in the details');
      await screenshot(page, 'trust-offline');
      await bar(page).getByRole('button', { name: 'Details' }).click();
      const details = page.getByRole('dialog', { name: 'Connection details' });
      await details.getByText(cloud.url.replace(/\/$/, '')).first().waitFor();
      await screenshot(page, 'trust-offline-details');
      await context.close();
    } finally {
      await browser.close();
      await app.stop();
      await cloud.close().catch(() => undefined);
    }
  },
);

test('the demo sign-in page shows every demo account at once', { timeout: 60_000 }, async () => {
  const app = await startServe();
  const browser = await launchBrowser();
  try {
    const { page, context } = await openPage(browser, app.base);
    await page.goto(app.loginUrl);
    const panel = page.getByRole('region', { name: 'Demo accounts' });
    await panel.waitFor();
    const accounts = panel.getByRole('button');
    assert.equal(await accounts.count(), 8);
    const viewport = page.viewportSize();
    for (const b of await accounts.all()) {
      const box = await b.boundingBox();
      assert.ok(
        box && viewport && box.y + box.height <= viewport.height,
        `${await b.innerText()} in view`,
      );
    }
    await screenshot(page, 'trust-signin-demo-accounts');
    await context.close();
  } finally {
    await browser.close();
    await app.stop();
  }
});
