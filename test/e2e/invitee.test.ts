// Issue 6, the invitee's and the member's side in Chromium against the real headless app: the
// invitation prompt (accepted offline: pending, then applied; declined), the Products view of a
// member, a guest and an account without organization, cloud credits with "Request more cloud
// credits", and the notifications panel on both sides. Screens go to test-results/screenshots.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { removeTempDirs, startCloud, tempDir } from '../sync/helpers.ts';
import { launchBrowser, openPage, screenshot, startServe } from './harness.ts';

after(removeTempDirs);

const PASSWORD = 'demo1234';
const ADMIN = 'admin@northwind.example';
const TOM = 'tom.novak@example.com';
const GRACE = 'grace.miller@brightline.example';
const MARCO = 'marco.rossi@northwind.example';
const DANIEL = 'daniel@okafor-studio.example';

async function signIn(page: Page, email: string): Promise<void> {
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  // The view is the one of the URL's hash, which the previous account may have left elsewhere.
  await page.getByRole('button', { name: 'Account menu' }).waitFor();
}

/** A dialog's own Close button in its footer (the header's ✕ is named Close too). */
const closeButton = (dialog: Locator): Locator =>
  dialog.locator('.org-dialog-foot').getByRole('button', { name: 'Close' });

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Account menu' }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await page.getByLabel('Email', { exact: true }).waitFor();
}

const statusBar = (page: Page): Locator => page.getByRole('contentinfo', { name: 'Sync status' });
const bell = (page: Page): Locator => page.getByRole('button', { name: /^Notifications,/ });
const panel = (page: Page): Locator => page.getByRole('dialog', { name: 'Notifications' });

async function openProducts(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Products', exact: true }).click();
  await page.getByRole('heading', { name: 'Products', level: 1 }).waitFor();
}

/** Expected console noise while the cloud is stopped on purpose. */
const offlineNoise = /status of 401|Failed to load resource|ERR_CONNECTION_REFUSED/;

test(
  'an invitee accepts offline: pending, then a Member with the menus and Products of one',
  { timeout: 120_000 },
  async () => {
    const cloudDir = tempDir('cloud');
    let cloud = await startCloud(cloudDir);
    const port = cloud.port;
    const app = await startServe({ cloudUrl: cloud.url });
    const browser = await launchBrowser();
    try {
      const { page, context, problems } = await openPage(browser, app.base);
      await page.goto(app.loginUrl);
      await signIn(page, TOM);

      // The prompt: who invited, to which organization, as which role, and the seeds' question.
      const prompt = page.getByRole('dialog', {
        name: 'Invitation to join Northwind Visualization',
      });
      await prompt.waitFor();
      const text = await prompt.innerText();
      assert.match(
        text,
        /admin@northwind\.example has invited you to join their organization as Member\./,
      );
      assert.match(text, /As member you'll be able to use Chaos products and services/);
      assert.match(text, /Would you like to accept the invitation\?/);
      assert.equal(await prompt.getByRole('button', { name: 'Decline' }).count(), 1);
      await screenshot(page, 'user-invitation-prompt');

      // Closed without an answer it waits; offline, the notice in the panel brings it back.
      await prompt.locator('.org-dialog-head').getByRole('button', { name: 'Close' }).click();
      await prompt.waitFor({ state: 'detached' });
      await cloud.close();
      await statusBar(page).getByRole('button', { name: 'Sync now' }).click();
      await statusBar(page)
        .getByText(/Offline/)
        .waitFor();
      await page.getByRole('button', { name: 'Notifications, 1 unread' }).click();
      const notice = panel(page).getByText(
        // The demo's notice has the cloud's words (docs/sources.md, Portal guide §IV), as a Resend's has.
        'admin@northwind.example has invited you to join their organization as Member.',
      );
      assert.match(await panel(page).innerText(), /Respond to invite/);
      await screenshot(page, 'user-notifications-invitee');
      await notice.click();

      // Offline: the answer is queued and shown as pending.
      await prompt.getByRole('button', { name: 'Accept' }).click();
      const answer = page.getByRole('dialog', { name: 'Joining Northwind Visualization' });
      await answer.getByText('Pending', { exact: true }).waitFor();
      assert.match(await answer.innerText(), /will be sent when the cloud is reachable/);
      await statusBar(page).getByText('2 pending changes').waitFor();
      await screenshot(page, 'user-invitation-pending');

      // The cloud returns (the reconnect loop finds it): the answer is applied and the session
      // becomes a Member's at once, menus included.
      cloud = await startCloud(cloudDir, port);
      await answer.getByText('You joined Northwind Visualization').waitFor({ timeout: 45_000 });
      await page.locator('.topbar .role-badge', { hasText: 'Member' }).waitFor();
      assert.equal(await page.getByRole('link', { name: 'Organization' }).count(), 0);
      await statusBar(page)
        .getByText(/pending change/)
        .waitFor({ state: 'detached' });
      await screenshot(page, 'user-invitation-accepted');
      await answer.getByRole('button', { name: 'Go to Products' }).click();

      // The Products view names the administrator and says there is nothing assigned yet.
      await page.getByRole('heading', { name: 'Products', level: 1 }).waitFor();
      await page.getByText('You have no assigned products').waitFor();
      await page.getByText('Please contact your organization administrator').waitFor();
      const orgCard = page.getByRole('region', { name: 'Northwind Visualization' });
      assert.match(await orgCard.innerText(), /Elena Petrova/);
      const mail = orgCard.getByRole('link', { name: ADMIN });
      assert.equal(await mail.getAttribute('href'), `mailto:${ADMIN}`);
      const credits = page.getByRole('region', { name: 'Cloud credits available' });
      await credits.getByText('Disabled').waitFor();
      await screenshot(page, 'user-products-new-member');

      // His notice stays in the panel, read now, with the read confirmed by the cloud.
      await page.getByRole('button', { name: 'Notifications, none unread' }).click();
      await notice.waitFor();
      assert.equal(await panel(page).locator('.notif-unread').count(), 0);
      assert.equal(await panel(page).getByText('Pending').count(), 0);
      await page.keyboard.press('Escape');

      // The administrator, on the same app: Tom's acceptance and Tom in the user list.
      await signOut(page);
      await signIn(page, ADMIN);
      await bell(page).click();
      const accepted = panel(page).getByText(
        `${TOM} has accepted the invitation to join your organization as Member.`,
      );
      await accepted.waitFor();
      assert.match(
        await panel(page).locator('.notif-unread').first().innerText(),
        /has accepted the invitation/,
      );
      await screenshot(page, 'user-notifications-admin-accepted');
      const unread = await bell(page).getAttribute('aria-label');
      await panel(page).getByRole('button', { name: 'Mark all as read' }).click();
      await page.getByRole('button', { name: 'Notifications, none unread' }).waitFor();
      assert.notEqual(unread, 'Notifications, none unread');
      await accepted.click();
      await page.getByRole('heading', { name: 'Organization', level: 1 }).waitFor();
      await page.locator(`[role="row"][data-user="${TOM}"]`).waitFor();
      assert.deepEqual(
        problems.filter((p) => !offlineNoise.test(p)),
        [],
      );
      await context.close();
    } finally {
      await browser.close();
      await app.stop();
      await cloud.close().catch(() => undefined);
    }
  },
);

test(
  'decline with grace; a member asks for credits; a guest sees the Quick note',
  { timeout: 150_000 },
  async () => {
    const app = await startServe();
    const browser = await launchBrowser();
    try {
      const { page, context, problems } = await openPage(browser, app.base);
      await page.goto(app.loginUrl);

      // Grace declines her Guest invitation; she keeps her own products and credits.
      await signIn(page, GRACE);
      const prompt = page.getByRole('dialog', {
        name: 'Invitation to join Northwind Visualization',
      });
      await prompt.waitFor();
      assert.match(
        await prompt.innerText(),
        /has invited you to join their organization as Guest\./,
      );
      assert.match(await prompt.innerText(), /as well as your personal licenses/);
      await prompt.getByRole('button', { name: 'Decline' }).click();
      const declined = page.getByRole('dialog', { name: 'Invitation declined' });
      await declined
        .getByText(/You declined the invitation to join Northwind Visualization/)
        .waitFor();
      await screenshot(page, 'user-invitation-declined');
      await closeButton(declined).click();
      await openProducts(page);
      await page.getByRole('table', { name: /Active products/ }).waitFor();
      await screenshot(page, 'user-products-personal');
      assert.equal(await page.getByRole('dialog').count(), 0, 'no prompt once answered');
      // With a commercial license of her own she administers her own organization (docs/sources.md, Portal overview).
      assert.equal(await page.locator('.topbar .role-badge').innerText(), 'Administrator');
      await page
        .getByRole('region', { name: 'Organization credit pool' })
        .getByText('100')
        .waitFor();
      await signOut(page);

      // Marco: his 100-credit quota, capped by the pool, and a request for more.
      await signIn(page, MARCO);
      await openProducts(page);
      const credits = page.getByRole('region', { name: 'Cloud credits available' });
      await credits.getByText('64.750 / 100').waitFor();
      assert.match(await credits.innerText(), /35\.250 used/);
      await page.getByRole('table', { name: /Assigned by Northwind Visualization/ }).waitFor();
      assert.match(
        await page.getByRole('region', { name: 'Northwind Visualization' }).innerText(),
        /Elena Petrova/,
      );
      await screenshot(page, 'user-products-member');
      await credits.getByRole('button', { name: 'Request more cloud credits' }).click();
      const ask = page.getByRole('dialog', { name: 'Request more cloud credits' });
      await ask.getByLabel('Credits (optional)').fill('-5');
      await ask.getByRole('button', { name: 'Send request' }).click();
      await ask.getByText('Enter a positive number of credits').waitFor();
      await ask.getByLabel('Credits (optional)').fill('50');
      await ask.getByLabel('Note (optional)').fill('Deadline on Friday');
      await screenshot(page, 'user-request-credits');
      await ask.getByRole('button', { name: 'Send request' }).click();
      await ask.getByText('Your request was sent').waitFor();
      assert.match(await ask.innerText(), /Elena Petrova \(admin@northwind\.example\)/);
      await screenshot(page, 'user-request-credits-sent');
      await closeButton(ask).click();
      await bell(page).click();
      await panel(page)
        .getByText(/credit access in Northwind Visualization is now 100/)
        .waitFor();
      await page.keyboard.press('Escape');
      await signOut(page);

      // Daniel, a guest on the pool: assigned and personal products, and the Quick note.
      await signIn(page, DANIEL);
      await openProducts(page);
      await page.getByRole('table', { name: /Personal products/ }).waitFor();
      const guestCredits = page.getByRole('region', { name: 'Cloud credits available' });
      await guestCredits.getByText('15.500 / 20').waitFor();
      const note = page.getByRole('complementary', { name: 'Quick note' });
      assert.match(
        await note.innerText(),
        /To be able to purchase Cloud credits for personal use, ask the administrator of the organization to disable your access to the organizational credits\./,
      );
      await screenshot(page, 'user-products-guest');
      await signOut(page);

      // The administrator has Marco's request and Grace's answer.
      await signIn(page, ADMIN);
      await bell(page).click();
      await panel(page).getByText(`${MARCO} requests more cloud credits (50 credits).`).waitFor();
      await panel(page)
        .getByText(`${GRACE} has declined the invitation to join your organization as Guest.`)
        .waitFor();
      await screenshot(page, 'user-notifications-admin');
      await page.keyboard.press('Escape');
      await openProducts(page);
      await page.getByRole('region', { name: 'Organization credit pool' }).waitFor();
      await screenshot(page, 'user-products-admin');
      assert.deepEqual(problems, []);
      await context.close();
    } finally {
      await browser.close();
      await app.stop();
    }
  },
);

test("the cloud's refusal of an answer is shown, not swallowed", { timeout: 90_000 }, async () => {
  const cloud = await startCloud(tempDir('cloud'));
  const app = await startServe({ cloudUrl: cloud.url });
  const browser = await launchBrowser();
  try {
    const { page, context, problems } = await openPage(browser, app.base);
    await page.goto(app.loginUrl);
    await signIn(page, GRACE);
    const prompt = page.getByRole('dialog', {
      name: 'Invitation to join Northwind Visualization',
    });
    await prompt.waitFor();

    // Meanwhile the administrator cancels it; this app has not pulled that yet.
    const signedIn = await fetch(`${cloud.url}/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: ADMIN, password: PASSWORD }),
    });
    const { accessToken } = (await signedIn.json()) as { accessToken: string };
    const cancelled = await fetch(`${cloud.url}/v1/org/invitations/cancel`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({ invitationId: 'inv_grace_guest' }),
    });
    assert.equal(cancelled.status, 200);

    await prompt.getByRole('button', { name: 'Accept' }).click();
    const answer = page.getByRole('dialog', { name: 'Joining Northwind Visualization' });
    await answer.getByText('The invitation could not be accepted').waitFor();
    assert.match(
      await answer.innerText(),
      /The invitation is no longer pending \(it was cancelled\)/,
    );
    await screenshot(page, 'user-invitation-refused');
    await closeButton(answer).click();
    // The pull brought the cancellation: nothing is left to answer.
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    assert.equal(await page.locator('.topbar .role-badge').innerText(), 'Administrator');
    assert.deepEqual(problems, []);
    await context.close();
  } finally {
    await browser.close();
    await app.stop();
    await cloud.close().catch(() => undefined);
  }
});
