// Signs in as the demo's Elena Petrova and opens Licensing → License server.
// exact: Licensing also has a "License Servers" tab (issue 12), which the substring would match.
import type { Page } from 'playwright-core';

export async function openLicenseServerView(page: Page, loginUrl: string): Promise<void> {
  await page.goto(loginUrl);
  await page.getByRole('button', { name: /Elena Petrova/ }).click();
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  // The administrator lands on Organization (issue 18); the server is a Licensing tab.
  await page.getByRole('heading', { name: 'Organization', level: 1 }).waitFor();
  await page.getByRole('link', { name: 'Licensing', exact: true }).click();
  await page.getByRole('link', { name: 'License server', exact: true }).click();
}
