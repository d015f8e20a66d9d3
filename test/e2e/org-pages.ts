// Shared steps of the Organization e2e tests: sign in as the demo administrator and open the view.
import type { Locator, Page } from 'playwright-core';

export const ADMIN_EMAIL = 'admin@northwind.example';
export const DEMO_PASSWORD = 'demo1234';

/** A user's row in the Organization user list. */
export const userRow = (page: Page, email: string): Locator =>
  page.locator(`[role="row"][data-user="${email}"]`);

/**
 * Opens the app as the administrator (the demo's, or `account`) — the core keeps its session, so
 * a second page of the same app is already signed in — then the Organization view, once
 * `readyEmail`'s row is listed.
 */
export async function openOrganization(
  page: Page,
  loginUrl: string,
  readyEmail = 'marco.rossi@northwind.example',
  account = { email: ADMIN_EMAIL, password: DEMO_PASSWORD },
): Promise<void> {
  await page.goto(loginUrl);
  // The administrator lands on Organization (issue 18).
  const landed = page.getByRole('heading', { name: 'Organization', level: 1 });
  const email = page.getByLabel('Email', { exact: true });
  await landed.or(email).first().waitFor();
  if (await email.isVisible()) {
    await email.fill(account.email);
    await page.getByLabel('Password', { exact: true }).fill(account.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await landed.waitFor();
  }
  await page.getByRole('link', { name: 'Organization' }).click();
  await page.getByRole('heading', { name: 'Organization', level: 1 }).waitFor();
  await userRow(page, readyEmail).waitFor();
}

/**
 * Waits until the user's row names the product (product names come from the catalogue). The
 * predicate is an inline function on purpose: Playwright evals a string predicate again on every
 * poll, which the app's CSP (no 'unsafe-eval') refuses once the first try was false.
 */
export const holdsProduct = (page: Page, email: string, name: string) =>
  page.waitForFunction(
    ([e, n]) => !!document.querySelector(`[data-user="${e}"]`)?.textContent?.includes(n),
    [email, name] as const,
  );
