// The real headless app in Debian's Chromium — sign-in, licensing, account, refusal.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test, type TestContext } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  launchBrowser,
  openPage,
  root,
  screenshot,
  startServe,
  type ServedApp,
} from './harness.ts';

interface SeedAccount {
  email: string;
  name: string;
  customerNumber: string;
}
interface DemoEntry {
  email: string;
  password: string;
  description: string;
}
const seed = JSON.parse(readFileSync(join(root, 'resources', 'demo-seed.json'), 'utf8')) as {
  accounts: SeedAccount[];
  demoAccounts: DemoEntry[];
};

function demoAccount(describedAs: RegExp): SeedAccount & { password: string } {
  const entry = seed.demoAccounts.find((d) => describedAs.test(d.description));
  const account = seed.accounts.find((a) => a.email === entry?.email);
  assert.ok(entry && account, `the demo seed has an account described as ${describedAs}`);
  // The seed's accounts carry only password hashes; the demo list shows the clear password.
  return { ...account, password: entry.password };
}
const admin = demoAccount(/^Administrator/);
const member = demoAccount(/^Member/);
const guest = demoAccount(/^Guest: personal .* beside an organization/);

/** CSP violations and script errors: a page that works must produce none. */
function assertNoProblems(problems: string[]): void {
  const serious = problems.filter((p) => !/status of 401/.test(p));
  assert.deepEqual(serious, [], 'no console errors (CSP violations, exceptions)');
}

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

async function serve(t: TestContext): Promise<ServedApp> {
  const app = await startServe();
  t.after(() => app.stop());
  return app;
}

async function openSignIn(t: TestContext, app: ServedApp) {
  const s = await openPage(browser, app.base);
  t.after(() => s.context.close());
  await s.page.goto(app.loginUrl);
  await s.page.getByRole('heading', { name: 'Sign in to your Chaos account' }).waitFor();
  return s;
}

async function signInAs(page: Page, account: SeedAccount): Promise<void> {
  // The demo panel fills the form: this is how a demo user signs in.
  await page.getByRole('button', { name: new RegExp(account.name) }).click();
  // The form fills itself on the next render: wait for it, then check what it holds.
  const email = page.getByLabel('Email', { exact: true });
  // A string, not a function: tsx's transform would add helpers the page does not have.
  // An inline function, not a string: a string predicate is eval'd on each poll, which the CSP refuses.
  await page.waitForFunction(
    (email) => document.querySelector<HTMLInputElement>('input[type="email"]')?.value === email,
    account.email,
  );
  assert.equal(await email.inputValue(), account.email);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  // The administrator lands on Organization, everyone else on Licensing (issue 18).
  await page.getByRole('heading', { name: /^(Licensing|Organization)$/, level: 1 }).waitFor();
}

describe('renderer against clm serve in Chromium', () => {
  test('without the token the page is refused', async (t) => {
    const app = await serve(t);
    const s = await openPage(browser, app.base);
    t.after(() => s.context.close());
    const res = await s.page.goto(`${app.base}/`);
    assert.equal(res?.status(), 401);
    await s.page
      .getByText(/login token/i)
      .first()
      .waitFor();
    // The bridge refuses too: nothing of the account leaks without the token.
    const call = await s.page.evaluate(async () => {
      const r = await fetch('/api/call/session.get', {
        method: 'POST',
        headers: { 'X-CLM-Bridge': '1', 'Content-Type': 'application/json' },
        body: '{}',
      });
      return r.status;
    });
    assert.equal(call, 401);
    await screenshot(s.page, 'refused');
  });

  test('a wrong password shows the cloud error and signs nobody in', async (t) => {
    const app = await serve(t);
    const { page, problems } = await openSignIn(t, app);
    await page.getByRole('heading', { name: 'Demo accounts' }).waitFor();
    await screenshot(page, 'sign-in');

    await page.getByLabel('Email', { exact: true }).fill(admin.email);
    await page.getByLabel('Password', { exact: true }).fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'Incorrect email or password.' }).waitFor();
    await screenshot(page, 'sign-in-error');

    assert.ok(
      await page.getByRole('heading', { name: 'Sign in to your Chaos account' }).isVisible(),
    );
    assert.equal(await page.getByRole('navigation', { name: 'Main menu' }).count(), 0);
    const session = await page.evaluate(async () => {
      const r = await fetch('/api/call/session.get', {
        method: 'POST',
        headers: { 'X-CLM-Bridge': '1', 'Content-Type': 'application/json' },
        body: '{}',
      });
      return (await r.json()) as { ok: boolean; value: { signedIn: boolean } };
    });
    assert.equal(session.ok, true);
    assert.equal(session.value.signedIn, false);
    assertNoProblems(problems);
  });

  test('the demo admin sees the Licensing list, the Account view and copies the customer number', async (t) => {
    const app = await serve(t);
    const { page, problems } = await openSignIn(t, app);
    await signInAs(page, admin);
    await page.getByRole('heading', { name: 'Organization', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Licensing', exact: true }).click();

    // A real license row, not a loading skeleton: the first sync may still be under way.
    const rows = page.locator('table tbody tr').filter({ hasText: 'V-Ray for 3ds Max' });
    await rows.first().waitFor();
    assert.ok((await rows.count()) > 0, 'the admin has licenses');
    await page
      .locator('footer[aria-label="Sync status"]')
      .getByText(/Online|Offline/)
      .waitFor();
    await screenshot(page, 'licensing');

    const nav = page.getByRole('navigation', { name: 'Main menu' });
    for (const menu of [
      'Products',
      'Licensing',
      'Organization',
      'Billing',
      'Learning',
      'Account',
      'Support',
    ]) {
      assert.ok(
        await nav.getByRole('link', { name: menu, exact: true }).isVisible(),
        `${menu} menu`,
      );
    }

    await nav.getByRole('link', { name: 'Account', exact: true }).click();
    const number = page.getByTestId('customer-number');
    await number.waitFor();
    assert.equal(await number.textContent(), admin.customerNumber);
    assert.ok(await page.getByText(admin.email).first().isVisible());
    assert.ok(await page.getByRole('link', { name: 'contact support' }).isVisible());

    await page.getByRole('button', { name: 'Copy customer number' }).click();
    await page.getByRole('button', { name: 'Copy customer number' }).getByText('Copied').waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), admin.customerNumber);
    await screenshot(page, 'account');
    assertNoProblems(problems);
  });

  test('the Organization menu is shown to the admin only, not to a member', async (t) => {
    const app = await serve(t);
    const { page, problems } = await openSignIn(t, app);
    await signInAs(page, member);
    const nav = page.getByRole('navigation', { name: 'Main menu' });
    await nav.getByRole('link', { name: 'Licensing', exact: true }).waitFor();
    assert.equal(await nav.getByRole('link', { name: 'Organization', exact: true }).count(), 0);
    assert.ok(await nav.getByRole('link', { name: 'Account', exact: true }).isVisible());
    await screenshot(page, 'licensing-member');
    assertNoProblems(problems);
  });

  test('a guest sees personal and organization licenses side by side', async (t) => {
    const app = await serve(t);
    const { page, problems } = await openSignIn(t, app);
    await signInAs(page, guest);
    const personal = page.locator('table', {
      has: page.locator('caption', { hasText: 'Personal licenses' }),
    });
    const fromOrg = page.locator('table', { has: page.locator('caption', { hasText: /^From / }) });
    await personal.locator('tbody tr').first().waitFor();
    await fromOrg.locator('tbody tr').first().waitFor();
    assert.ok(await personal.getByText('Personal', { exact: true }).first().isVisible());
    assert.ok(await fromOrg.getByText('Organization', { exact: true }).first().isVisible());
    await screenshot(page, 'licensing-guest');

    // The filter narrows to one source.
    await page.getByRole('button', { name: /^Organization/ }).click();
    assert.equal(await personal.count(), 0);
    assert.ok(await fromOrg.isVisible());
    assertNoProblems(problems);
  });

  test('the password change refuses a wrong current password and accepts the right one', async (t) => {
    const app = await serve(t);
    const { page, problems } = await openSignIn(t, app);
    await signInAs(page, member);
    await page
      .getByRole('navigation', { name: 'Main menu' })
      .getByRole('link', { name: 'Account' })
      .click();
    await page.getByRole('link', { name: 'Password', exact: true }).click();

    const form = page.locator('form');
    const submit = page.getByRole('button', { name: 'Change password' });
    // Checked before anything is sent.
    await form.getByLabel('Current password').fill(member.password);
    await form.getByLabel('New password', { exact: true }).fill('short');
    await submit.click();
    await page.getByText('Use at least 8 characters.').waitFor();

    await form.getByLabel('Current password').fill('not-my-password');
    await form.getByLabel('New password', { exact: true }).fill('a-new-password-1');
    await form.getByLabel('Confirm new password').fill('a-new-password-1');
    await submit.click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'The current password is incorrect.' })
      .waitFor();

    await form.getByLabel('Current password').fill(member.password);
    await submit.click();
    await page.getByText('Your password has been changed.').waitFor();
    await screenshot(page, 'account-password');
    assertNoProblems(problems);
  });
});
