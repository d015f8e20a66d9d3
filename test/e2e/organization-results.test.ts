// Issue 6 (results): the cloud's per-item answers on the result screens, in Chromium against the
// real headless app and a real cloud — a bulk invite the cloud partly refuses (unregistered, and
// refused as member) with "Invite as guest", a removal queued offline that the cloud partly
// refuses with its reason and CSV, and the review of 10,000 rows by keyboard.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import type { CloudServer } from '../../src-cloud/server.ts';
import { NOT_ELIGIBLE_AS_MEMBER, userDoesNotExist } from '../../src-shared/org/messages.ts';
import { ADMIN, cloudReader, removeTempDirs, startCloud, tempDir } from '../sync/helpers.ts';
import { launchBrowser, openPage, screenshot, startServe, type ServedApp } from './harness.ts';
import { openOrganization, userRow } from './org-pages.ts';

let browser: Browser;
let app: ServedApp;
let cloud: CloudServer;
let cloudDir: string;
let port: number;

interface CloudUsers {
  users: { id: string; email: string }[];
}

async function userId(url: string, email: string): Promise<string> {
  const reader = await cloudReader(url, ADMIN.email, ADMIN.password);
  const { users } = await reader.get<CloudUsers>('/v1/org/users');
  const u = users.find((x) => x.email === email);
  assert.ok(u, `${email} is a user`);
  return u.id;
}

before(async () => {
  cloudDir = tempDir('cloud');
  cloud = await startCloud(cloudDir);
  port = cloud.port;
  // Olivia's only product is revoked (both guests without products can then be removed), and
  // Grace's pending invitation is cancelled (she can be invited again).
  const reader = await cloudReader(cloud.url, ADMIN.email, ADMIN.password);
  const olivia = await userId(cloud.url, 'olivia.brown@freelance.example');
  const revoked = await reader.post<{ status: string }>('/v1/org/revocations', {
    userId: olivia,
    productCode: 'corona-3dsmax',
  });
  assert.equal(revoked.status, 'accepted');
  const cancelled = await reader.post<{ status: string }>('/v1/org/invitations/cancel', {
    invitationId: 'inv_grace_guest',
  });
  assert.equal(cancelled.status, 'accepted');
  [browser, app] = await Promise.all([launchBrowser(), startServe({ cloudUrl: cloud.url })]);
});
after(async () => {
  await browser?.close();
  await app?.stop();
  await cloud?.close().catch(() => undefined);
  removeTempDirs();
});

const unexpected = (problems: string[]) =>
  problems.filter((p) => !/status of 401|Failed to load resource|ERR_CONNECTION_REFUSED/.test(p));

async function openBulkInvite(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Invite users' }).first().click();
  const invite = page.getByRole('dialog', { name: 'Invite users' });
  await invite.getByRole('tab', { name: 'Bulk' }).click();
  return invite;
}

test(
  "bulk invite: the cloud's refusals per address, and Invite as guest",
  { timeout: 90_000 },
  async () => {
    const { page, context, problems } = await openPage(browser, app.base);
    try {
      await openOrganization(page, app.loginUrl);
      const invite = await openBulkInvite(page);
      await invite.getByLabel(/then upload it/).setInputFiles({
        name: 'invite.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(
          'Email,Role\r\nnadia.haddad@example.com,member\r\nnobody@example.com,member\r\ngrace.miller@brightline.example,member\r\n',
        ),
      });
      await invite.getByText('3 invitations to review').waitFor();
      await invite.getByText('Everyone is invited as a member.').waitFor();
      await invite.getByRole('button', { name: 'Send invites' }).click();

      // The pre-check passed all three; the cloud refuses two, each with its own reason.
      await invite.getByText('2 failed invitations').waitFor();
      await invite.getByText('1 invitation was sent.', { exact: false }).waitFor();
      assert.equal(await invite.getByText('Waiting for the cloud…').count(), 0);
      await screenshot(page, 'results-invite-status');
      await invite.getByRole('button', { name: 'See failed invitations' }).click();
      await invite.getByRole('heading', { name: 'Failed invitations' }).waitFor();
      const text = await invite.innerText();
      assert.ok(
        text.includes(`nobody@example.com\t${userDoesNotExist('nobody@example.com')}`),
        text,
      );
      assert.ok(text.includes(`grace.miller@brightline.example\t${NOT_ELIGIBLE_AS_MEMBER}`), text);
      assert.ok(!text.includes('nadia.haddad@example.com'), 'the accepted address is not listed');
      await screenshot(page, 'results-invite-failed');

      // Invite as guest sends Grace's invitation again, as a guest: accepted, pending her answer.
      await invite.getByRole('button', { name: 'Invite as guest (1)' }).click();
      await invite.getByText('1 invitation was sent.', { exact: false }).waitFor();
      assert.equal(await invite.getByText(/failed invitation/).count(), 0);
      await screenshot(page, 'results-invite-guest');
      await invite.getByRole('button', { name: 'Done' }).click();
      await invite.waitFor({ state: 'detached' });
      const grace = page.locator('.org-invitation[data-email="grace.miller@brightline.example"]');
      await grace.getByText('Guest', { exact: false }).waitFor();
      await grace.getByText('Pending', { exact: true }).waitFor({ state: 'detached' });
      await page.locator('.org-invitation[data-email="nadia.haddad@example.com"]').waitFor();
      assert.equal(
        await page.locator('.org-invitation[data-email="nobody@example.com"]').count(),
        0,
      );
      assert.deepEqual(unexpected(problems), []);
    } finally {
      await context.close();
    }
  },
);

test(
  'a removal queued offline waits for the cloud, which refuses one user: reason and CSV',
  { timeout: 90_000 },
  async () => {
    const { page, context, problems } = await openPage(browser, app.base);
    try {
      await openOrganization(page, app.loginUrl);
      const chen = await userId(cloud.url, 'chen.wei@lumen-render.example');
      const bar = page.getByRole('contentinfo', { name: 'Sync status' });
      await cloud.close();
      await bar.getByRole('button', { name: 'Sync now' }).click();
      await bar.getByText(/Offline/).waitFor();

      // Meanwhile, on the cloud (reached on another port, so the app does not see it), Chen gets
      // a product: the desktop cannot know, the cloud will refuse his removal.
      const elsewhere = await startCloud(cloudDir);
      const reader = await cloudReader(elsewhere.url, ADMIN.email, ADMIN.password);
      const assigned = await reader.post<{ status: string }>('/v1/org/assignments', {
        userId: chen,
        purchaseId: 'pur_nw_rendernode',
        quantity: 1,
      });
      assert.equal(assigned.status, 'accepted');
      await elsewhere.close();

      await userRow(page, 'chen.wei@lumen-render.example').getByRole('checkbox').check();
      await userRow(page, 'olivia.brown@freelance.example').getByRole('checkbox').check();
      const actions = page.getByRole('toolbar', { name: 'Selected users' });
      await actions.getByRole('button', { name: 'Remove users' }).click();
      const confirm = page.getByRole('dialog', { name: 'Remove users' });
      await confirm.getByRole('button', { name: 'Remove 2 users' }).click();
      const waiting = page.getByRole('dialog', { name: 'Removing 2 users' });
      await waiting.getByText('Waiting for the cloud: you are offline').waitFor();
      await waiting
        .getByText('The removal of 2 users will be sent when you are back online.', {
          exact: false,
        })
        .waitFor();
      assert.equal(await waiting.getByText(/successfully removed/).count(), 0);
      await screenshot(page, 'results-remove-offline');

      // The cloud is back; another window of the app asks for a sync (this one is modal).
      cloud = await startCloud(cloudDir, port);
      const other = await context.newPage();
      await other.goto(app.loginUrl);
      const otherBar = other.getByRole('contentinfo', { name: 'Sync status' });
      await otherBar.getByRole('button', { name: 'Sync now' }).click();
      await otherBar.getByText('Online').waitFor();
      await other.close();

      const result = page.getByRole('dialog', { name: 'Not all users have been removed' });
      await result
        .getByText(
          '1 user was successfully removed and is no longer able to use the assigned products and consume organizational cloud credits.',
        )
        .waitFor();
      await result.getByText('1 failed user removal.', { exact: false }).waitFor();
      await screenshot(page, 'results-remove-result');
      await result.getByRole('button', { name: 'See failed removals' }).click();
      const failed = page.getByRole('dialog', { name: 'Failed user removals' });
      assert.match(
        await failed.innerText(),
        /Chen Wei · Guest\s+chen\.wei@lumen-render\.example\s+Assigned product\(s\)/,
      );
      await screenshot(page, 'results-remove-failed');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        failed.getByRole('button', { name: 'Download CSV' }).click(),
      ]);
      assert.equal(download.suggestedFilename(), 'failed-user-removals.csv');
      const csv = readFileSync((await download.path()) as string, 'utf8');
      assert.equal(
        csv.replace(/^\uFEFF/, '').trim(),
        'Email,Reason\r\nchen.wei@lumen-render.example,Assigned product(s)',
      );
      await failed.getByRole('button', { name: 'Go back to organization' }).click();
      await userRow(page, 'olivia.brown@freelance.example').waitFor({ state: 'detached' });
      const back = userRow(page, 'chen.wei@lumen-render.example');
      await back.getByText('V-Ray Render Node', { exact: false }).first().waitFor();
      assert.ok(await back.getByRole('checkbox').isChecked(), 'Chen stays selected');
      assert.deepEqual(unexpected(problems), []);
    } finally {
      await context.close();
    }
  },
);

test(
  'the bulk invite review: every one of 10,000 rows by keyboard',
  { timeout: 90_000 },
  async () => {
    const { page, context, problems } = await openPage(browser, app.base);
    try {
      await openOrganization(page, app.loginUrl);
      const invite = await openBulkInvite(page);
      const lines = ['Email,Role'];
      for (let i = 1; i <= 10_000; i++)
        lines.push(`user${String(i).padStart(5, '0')}@bulk.example,member`);
      await invite.getByLabel(/then upload it/).setInputFiles({
        name: 'many.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(lines.join('\r\n')),
      });
      await invite.getByText('10,000 invitations to review').waitFor();
      const list = invite.getByRole('table', { name: 'Invitations to send' });
      assert.equal(await list.getAttribute('aria-rowcount'), '10001');
      assert.ok((await list.getByRole('row').count()) < 60, 'only rows near the view exist');

      // Tab walks the role of every row in order, well past the rows first rendered.
      await invite.getByLabel('Role of user00001@bulk.example').focus();
      for (let i = 0; i < 40; i++) await page.keyboard.press('Tab');
      // A row not rendered yet takes focus once it is: wait for it, then say where focus is.
      const focusedOn = async (label: string) => {
        const at = () =>
          page.evaluate('document.activeElement?.getAttribute("aria-label") ?? null');
        await page
          .waitForFunction((l) => document.activeElement?.getAttribute('aria-label') === l, label, {
            timeout: 10_000,
          })
          .catch(() => undefined);
        assert.equal(await at(), label);
      };
      await focusedOn('Role of user00041@bulk.example');
      await page.keyboard.press('Shift+Tab');
      await focusedOn('Role of user00040@bulk.example');
      // The role changes from the keyboard (type-ahead on the focused select).
      await page.keyboard.press('g');
      await invite.getByText('9,999 as members, 1 as guests.').waitFor();

      // The last row is reachable too: scrolled into being, changed, and read back.
      await list.locator('.org-review-scroll').evaluate((el) => {
        el.scrollTop = el.scrollHeight;
      });
      const last = invite.getByLabel('Role of user10000@bulk.example');
      await last.selectOption('guest');
      await last.focus();
      await invite.getByText('9,998 as members, 2 as guests.').waitFor();
      await screenshot(page, 'results-review-10000');
      await invite.getByRole('button', { name: 'Invite all as members' }).click();
      await invite.getByText('Everyone is invited as a member.').waitFor();
      await page.keyboard.press('Escape');
      await invite.waitFor({ state: 'detached' });
      assert.deepEqual(unexpected(problems), []);
    } finally {
      await context.close();
    }
  },
);
