// And 3: every screen of the demo, as every demo account (administrator,
// members, guests, invitees; the license server is a Licensing tab), shows no schema-error text
// and has no serious or critical axe-core violation. Screens go to test-results/screenshots.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { launchBrowser, root, screenshot, startServe } from './harness.ts';
import {
  SCHEMA_TEXT,
  openScreen,
  screensOf,
  seriousViolations,
  visibleText,
  type AxeViolation,
} from './screens-walk.ts';

const seed = JSON.parse(readFileSync(join(root, 'resources', 'demo-seed.json'), 'utf8')) as {
  demoAccounts: { email: string; password: string }[];
};

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('button', { name: 'Account menu' }).waitFor();
}

async function signOut(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Account menu' }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await page.getByLabel('Email', { exact: true }).waitFor();
}

test(
  'every demo screen as every demo account: plain words and no serious axe violation',
  { timeout: 600_000 },
  async () => {
    const app = await startServe();
    const browser = await launchBrowser();
    const schemaText: string[] = [];
    const axe: { where: string; v: AxeViolation }[] = [];
    const check = async (page: Page, where: string) => {
      const text = await visibleText(page);
      const m = SCHEMA_TEXT.exec(text);
      if (m) schemaText.push(`${where}: …${text.slice(Math.max(0, m.index - 80), m.index + 80)}…`);
      for (const v of await seriousViolations(page)) axe.push({ where, v });
    };
    try {
      // The page's CSP forbids inline scripts; the test's context bypasses it to inject axe-core.
      const context = await browser.newContext({
        viewport: { width: 1280, height: 800 },
        bypassCSP: true,
      });
      const page = await context.newPage();
      await page.goto(app.loginUrl);
      await page.getByLabel('Email', { exact: true }).waitFor();
      await check(page, 'sign-in');
      await screenshot(page, 'trust-signin');

      for (const { email, password } of seed.demoAccounts) {
        await signIn(page, email, password);
        const prompt = page.getByRole('dialog', { name: /^Invitation to join/ });
        if (await prompt.isVisible()) {
          await check(page, `${email} invitation prompt`);
          await prompt.locator('.org-dialog-head').getByRole('button', { name: 'Close' }).click();
        }
        for (const hash of await screensOf(page)) {
          await openScreen(page, hash);
          await check(page, `${email} ${hash}`);
        }
        if (email.startsWith('admin@')) {
          // The invite dialog sent empty: a field message, no schema text.
          await openScreen(page, '#/organization/users');
          await page.getByRole('button', { name: 'Invite users' }).click();
          const dialog = page.getByRole('dialog', { name: 'Invite users' });
          await dialog.getByRole('button', { name: 'Send Invite' }).click();
          await dialog.getByText('Enter an email address.').waitFor();
          await check(page, `${email} empty invite`);
          await screenshot(page, 'trust-invite-empty');
          await page.keyboard.press('Escape');
        }
        await signOut(page);
      }
      await context.close();
    } finally {
      await browser.close();
      await app.stop();
    }
    assert.deepEqual(schemaText, [], 'schema-error text on screen');
    assert.deepEqual(
      axe.map(
        (a) => `${a.where}: ${a.v.id} (${a.v.impact}) ${a.v.help} — ${a.v.targets.join(', ')}`,
      ),
      [],
      'serious or critical axe-core violations',
    );
  },
);
