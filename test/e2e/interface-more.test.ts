// Issue 18, the bullets finished last, on the demo in Chromium: the bulk assign wizard offers only
// what free seats allow and gives the way to re-allocate; the action bar rests above Pending
// invitations; Resend shows the new invited date and sends the first notice's words again; a
// declined invitation leaves nothing unread; charts name products; the bulk invite's file control
// with Cancel; the Product filter lists the organization's products. Screens: more-*.png.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import Database from 'better-sqlite3';
import type { Browser, Locator, Page } from 'playwright-core';
import { notSentNoSeat } from '../../src-shared/org/messages.ts';
import { resolveRelativeDate } from '../../src-shared/relative-date.ts';
import { formatDate } from '../../src-renderer/format/time.ts';
import { eventually } from '../support/wait.ts';
import {
  launchBrowser,
  openPage,
  screenshot,
  startServe,
  type ServedApp,
  type Session,
} from './harness.ts';
import { openLicenseServerView } from './license-server-page.ts';
import { DEMO_PASSWORD, holdsProduct, openOrganization, userRow } from './org-pages.ts';
import { seriousViolations } from './screens-walk.ts';

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
});

const AIKO = 'aiko.tanaka@northwind.example';
const CHEN = 'chen.wei@lumen-render.example';
const JONAS = 'jonas.becker@northwind.example';
const TOM = 'tom.novak@example.com';
const INVITED_TOM = 'admin@northwind.example has invited you to join their organization as Member.';

const statusBar = (page: Page): Locator => page.getByRole('contentinfo', { name: 'Sync status' });
const settled = (page: Page) =>
  statusBar(page)
    .getByText(/pending change/)
    .waitFor({ state: 'detached' });

/** A page whose context lets axe-core in (the app's CSP refuses injected scripts otherwise). */
async function openAxePage(): Promise<Session> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    bypassCSP: true,
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  return { context, page, problems };
}

const noSeriousAxe = async (page: Page, where: string) =>
  assert.deepEqual(await seriousViolations(page), [], `axe-core on ${where}`);

async function assignOnly(page: Page, emails: string[], product: RegExp): Promise<Locator> {
  for (const e of emails) await userRow(page, e).getByRole('checkbox').check();
  await page
    .getByRole('toolbar', { name: 'Selected users' })
    .getByRole('button', { name: 'Assign products' })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Assign products' });
  await dialog.getByRole('button', { name: `Continue with ${emails.length} users` }).click();
  await dialog.getByRole('checkbox', { name: product }).check();
  await dialog.getByRole('button', { name: 'Continue', exact: true }).click();
  await dialog.getByRole('button', { name: 'Continue with 1 product' }).click();
  return dialog;
}

test(
  'the assign wizard sends only what free seats allow, and offers to re-allocate the rest',
  { timeout: 150_000 },
  async () => {
    const { page, context, problems } = await openAxePage();
    try {
      await openOrganization(page, app.loginUrl, AIKO);
      // Phoenix for 3ds Max: 2 seats, Jonas holds one, so 1 is free for Aiko and Chen.
      let dialog = await assignOnly(page, [AIKO, CHEN], /^Phoenix for 3ds Max/);
      const summary = await dialog.innerText();
      assert.match(summary, /1 seat free for 2 users — chen\.wei@lumen-render\.example will not/);
      assert.match(summary, /Only those with a seat are sent/);
      // Not "Assign to 2 users": the button counts those a seat reaches.
      assert.equal(await dialog.getByRole('button', { name: 'Assign to 2 users' }).count(), 0);
      await screenshot(page, 'more-assign-summary-limited');
      await noSeriousAxe(page, 'the summary');
      await dialog.getByRole('button', { name: 'Assign to 1 user' }).click();

      await dialog.getByText('1 assignment made.', { exact: false }).waitFor();
      const row = dialog.locator('.bulk-failed-table tbody tr');
      assert.equal(await row.count(), 1);
      const cells = await row.first().locator('td').allInnerTexts();
      assert.deepEqual(cells.slice(0, 3), [
        CHEN,
        'Phoenix for 3ds Max (no expiration date)',
        notSentNoSeat('Phoenix for 3ds Max', 1, 2),
      ]);
      const reallocate = row.getByRole('button', {
        name: `Re-allocate Phoenix for 3ds Max (no expiration date) to ${CHEN} from another user`,
      });
      await screenshot(page, 'more-assign-result-reallocate');
      await noSeriousAxe(page, 'the result with Re-allocate…');
      await reallocate.click();

      // The way the advice names: Allocate on that purchase, with its From field.
      const allocate = page.getByRole('dialog', { name: 'Allocate product to user' });
      assert.equal(await allocate.getByLabel(/^Phoenix for 3ds Max/).isChecked(), true);
      await allocate.getByText('Every seat of this purchase is assigned').waitFor();
      const from = allocate.getByLabel('From');
      const holders = await from.locator('option').allInnerTexts();
      assert.ok(holders.some((h) => h.includes(JONAS)) && holders.some((h) => h.includes(AIKO)));
      await from.selectOption({ label: `Jonas Becker (${JONAS})` });
      await screenshot(page, 'more-assign-reallocate-from');
      await allocate.getByRole('button', { name: 'Allocate' }).click();
      await allocate.waitFor({ state: 'detached' });
      await row.getByText('Allocated', { exact: true }).waitFor();
      await screenshot(page, 'more-assign-result-allocated');
      await dialog.getByRole('button', { name: 'Go back to organization' }).click();
      await holdsProduct(page, CHEN, 'Phoenix for 3ds Max');
      await holdsProduct(page, AIKO, 'Phoenix for 3ds Max');
      await settled(page);
      assert.doesNotMatch(await userRow(page, JONAS).innerText(), /Phoenix/);

      // No seat left at all: Phoenix cannot be chosen, and says why.
      const selection = page.getByRole('toolbar', { name: 'Selected users' });
      if (await selection.isVisible())
        await selection.getByRole('button', { name: 'Clear' }).click();
      for (const e of [JONAS, CHEN]) await userRow(page, e).getByRole('checkbox').check();
      await selection.getByRole('button', { name: 'Assign products' }).click();
      dialog = page.getByRole('dialog', { name: 'Assign products' });
      await dialog.getByRole('button', { name: 'Continue with 2 users' }).click();
      const phoenix = dialog.locator('[data-product="phoenix-3dsmax"]');
      assert.equal(await phoenix.getByRole('checkbox').isDisabled(), true);
      assert.match(await phoenix.innerText(), /No free seat/);
      await screenshot(page, 'more-assign-no-seat');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      assert.deepEqual(
        problems.filter((p) => !/status of 401/.test(p)),
        [],
      );
    } finally {
      await context.close();
    }
  },
);

test(
  'the Product filter, the file control, the action bar, Resend and a declined invitation',
  { timeout: 150_000 },
  async () => {
    const { page, context, problems } = await openAxePage();
    try {
      await openOrganization(page, app.loginUrl, AIKO);

      // The Product filter lists the organization's products, held by someone or not.
      const filter = page.getByLabel('Product', { exact: true });
      const options = await filter.locator('option').allInnerTexts();
      for (const name of ['V-Ray for 3ds Max', 'V-Ray Render Node', 'Corona for 3ds Max'])
        assert.ok(options.includes(name), `${name} in ${options.join(', ')}`);
      await filter.selectOption({ label: 'V-Ray Render Node' });
      await page.getByText('No users match').waitFor();
      await screenshot(page, 'more-product-filter');
      await filter.selectOption({ label: 'Any product' });
      await userRow(page, AIKO).waitFor();

      // The bulk invite's file control: label, button, the chosen name, Clear, and Cancel.
      await page.getByRole('button', { name: 'Invite users' }).first().click();
      const invite = page.getByRole('dialog', { name: 'Invite users' });
      await invite.getByRole('tab', { name: 'Bulk' }).click();
      await invite.getByText('No file chosen').waitFor();
      await invite.getByText('Choose a .csv file…').waitFor();
      await screenshot(page, 'more-bulk-invite-empty');
      await noSeriousAxe(page, 'the file control');
      // Keyboard: Tab reaches the (visually hidden) input; its button shows the focus.
      await invite.getByRole('button', { name: 'Download the .csv template' }).focus();
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('type')), 'file');
      await invite.screenshot({ path: '/tmp/more-bulk-invite-focus.png' });
      await invite.getByLabel(/then upload it/).setInputFiles({
        name: 'people.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('Email,Role\r\nnew.person@nowhere.example,guest\r\n'),
      });
      await invite.getByText('1 invitation to review').waitFor();
      await invite.getByText('people.csv', { exact: true }).waitFor();
      await screenshot(page, 'more-bulk-invite-chosen');
      await noSeriousAxe(page, 'the file control with a file');
      await invite.getByRole('button', { name: 'Clear the chosen file' }).click();
      await invite.getByText('No file chosen').waitFor();
      assert.equal(await invite.getByText('1 invitation to review').count(), 0);
      await invite.getByRole('button', { name: 'Cancel', exact: true }).click();
      await invite.waitFor({ state: 'detached' });

      // The action bar rests above Pending invitations, never over them.
      await userRow(page, AIKO).getByRole('checkbox').check();
      const bar = page.getByRole('toolbar', { name: 'Selected users' });
      const invitations = page.getByRole('region', { name: /Pending invitations/ });
      await invitations.scrollIntoViewIfNeeded();
      await page.mouse.wheel(0, 2000);
      const barBox = await bar.boundingBox();
      const listBox = await invitations.boundingBox();
      assert.ok(barBox && listBox);
      assert.ok(
        barBox.y + barBox.height <= listBox.y,
        `the bar (bottom ${barBox.y + barBox.height}) ends above the list (top ${listBox.y})`,
      );
      await screenshot(page, 'more-actionbar-invitations');
      await bar.getByRole('button', { name: 'Clear' }).click();

      // Resend: the invited date becomes today's once the cloud has it.
      const tom = page.locator(`.org-invitation[data-email="${TOM}"]`);
      assert.match(await tom.innerText(), new RegExp(`invited ${seedDay('-5d')}`));
      await tom.getByRole('button', { name: `Resend the invitation to ${TOM}` }).click();
      await page.getByText(`The invitation to ${TOM} will be sent again.`).waitFor();
      await tom.getByText(`invited ${formatDate(new Date().toISOString())}`).waitFor();
      await tom.locator('.pending-badge').waitFor({ state: 'detached' });
      await settled(page);
      await screenshot(page, 'more-invitation-resent');

      // Tom: the second notice has the first one's words; declining leaves nothing unread.
      await page.getByRole('button', { name: 'Account menu' }).click();
      await page.getByRole('menuitem', { name: 'Sign out' }).click();
      await page.getByLabel('Email', { exact: true }).fill(TOM);
      await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      const prompt = page.getByRole('dialog', {
        name: 'Invitation to join Northwind Visualization',
      });
      await prompt.waitFor();
      await prompt.locator('.org-dialog-head').getByRole('button', { name: 'Close' }).click();
      await page.getByRole('button', { name: 'Notifications, 2 unread' }).click();
      const panel = page.getByRole('dialog', { name: 'Notifications' });
      const notices = panel.locator('.notif-item');
      await eventually('both invitation notices', async () => (await notices.count()) === 2);
      for (const text of await panel.locator('.notif-text').allInnerTexts())
        assert.equal(text.replace(/^Unread:\s*/, ''), INVITED_TOM);
      await screenshot(page, 'more-invitee-two-notices');
      await panel.getByText(INVITED_TOM).first().click();
      await prompt.getByRole('button', { name: 'Decline' }).click();
      const declined = page.getByRole('dialog', { name: 'Invitation declined' });
      await declined.getByText(/You declined the invitation/).waitFor();
      await declined.locator('.org-dialog-foot').getByRole('button', { name: 'Close' }).click();
      await settled(page);
      await page.getByRole('button', { name: 'Notifications, none unread' }).click();
      assert.equal(await panel.locator('.notif-unread').count(), 0);
      assert.doesNotMatch(await panel.innerText(), /Respond to invite/);
      await screenshot(page, 'more-invitee-declined-notices');
      await page.keyboard.press('Escape');
      assert.deepEqual(
        problems.filter((p) => !/status of 401/.test(p)),
        [],
      );
    } finally {
      await context.close();
    }
  },
);

test('the seat chart names every product, even one gone from the pool', async () => {
  const own = await startServe();
  const { page, context } = await openPage(browser, own.base);
  try {
    await eventually("the demo license server's pool", async () => {
      const res = await fetch(`${own.base}/seat/v1/status`);
      const s = (await res.json()) as { products?: { product: string }[] };
      return (s.products?.length ?? 0) > 0;
    });
    // Earlier samples of a catalogue product and of one nobody ever named.
    const db = new Database(join(own.dataDir, 'seats.sqlite'));
    db.pragma('busy_timeout = 5000');
    const put = db.prepare(
      'INSERT OR REPLACE INTO history (minute, product, in_use, total, denied, queued) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const nowMinute = Math.floor(Date.now() / 60_000);
    for (let m = 120; m >= 2; m--) {
      put.run(nowMinute - m, 'phoenix-maya', 1, 2, 0, 0);
      put.run(nowMinute - m, 'acme-sky_tool', 1, 1, 0, 0);
    }
    db.close();
    await openLicenseServerView(page, own.loginUrl);
    await page.locator('.seat-chart canvas').waitFor();
    const legend = await page.locator('.seat-chart .u-legend').innerText();
    assert.match(legend, /Phoenix for Maya/);
    assert.match(legend, /Acme Sky Tool/);
    assert.doesNotMatch(legend, /phoenix-maya|acme-sky_tool|[a-z]+-[a-z0-9]+/);
    await page.locator('.seat-chart').scrollIntoViewIfNeeded();
    await screenshot(page, 'more-seat-chart-names');
  } finally {
    await context.close();
    await own.stop();
  }
});
