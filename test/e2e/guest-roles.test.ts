// The desktop: Grace, who has a personal commercial subscription and an
// expired one, accepts her invitation as Guest. Afterwards the header, the menus, Licensing and
// Products all show a Guest (docs/roles.md): no Organization menu, her purchases labelled
// Personal, and her expired product nowhere among the licenses.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { launchBrowser, openPage, screenshot, startServe } from './harness.ts';

const GRACE = 'grace.miller@brightline.example';

test(
  'a commercial buyer who joins as Guest gets the Guest views',
  { timeout: 120_000 },
  async () => {
    const app = await startServe();
    const browser = await launchBrowser();
    try {
      const { page, context, problems } = await openPage(browser, app.base);
      await page.goto(app.loginUrl);
      await page.getByLabel('Email', { exact: true }).fill(GRACE);
      await page.getByLabel('Password', { exact: true }).fill('demo1234');
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      const prompt = page.getByRole('dialog', {
        name: 'Invitation to join Northwind Visualization',
      });
      await prompt.getByRole('button', { name: 'Accept' }).click();
      const answer = page.getByRole('dialog', { name: 'Joining Northwind Visualization' });
      await answer.getByText('You joined Northwind Visualization').waitFor({ timeout: 45_000 });
      await page.locator('.topbar .role-badge', { hasText: 'Guest' }).waitFor();
      await answer.getByRole('button', { name: 'Go to Products' }).click();

      // Menus: a Guest's, without Organization.
      const nav = page.getByRole('navigation', { name: 'Main menu' });
      const links = await nav.getByRole('link').allInnerTexts();
      assert.deepEqual(
        links.map((l) => l.trim()),
        ['Products', 'Licensing', 'Billing', 'Learning', 'Account', 'Support'],
      );

      // Products: her collection is personal; the expired Phoenix for Maya is not an active product.
      await page.getByRole('heading', { name: 'Products', level: 1 }).waitFor();
      const personal = page.getByRole('table', { name: /Personal products/ });
      await personal.getByText('V-Ray Collection').waitFor();
      assert.match(await personal.innerText(), /Personal/);
      assert.equal(await page.getByText('Phoenix for Maya').count(), 0);
      await screenshot(page, 'guest-products');

      // Licensing: one personal license, labelled so, nothing expired.
      await nav.getByRole('link', { name: 'Licensing' }).click();
      await page.getByRole('heading', { name: 'Licensing', level: 1 }).waitFor();
      const table = page.getByRole('table', { name: 'Licenses' });
      await table.getByText('V-Ray Collection').waitFor();
      assert.doesNotMatch(await table.innerText(), /Organization/);
      assert.match(await table.innerText(), /Personal/);
      assert.equal(await page.getByText('Phoenix for Maya').count(), 0);
      await screenshot(page, 'guest-licensing');
      assert.deepEqual(problems, []);
      await context.close();
    } finally {
      await browser.close();
      await app.stop();
    }
  },
);
