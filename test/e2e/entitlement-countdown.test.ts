// A person sees it: Licensing → License server shows whose seats this
// machine serves and the entitlement's countdown while the cloud is stopped; past its expiry
// (clock injected, never slept) the view says the seats left the pool and what to do.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { createLocalServer, type LocalServer } from '../../src-main/local-server/server.ts';
import { newLoginToken } from '../../src-main/local-server/login-token.ts';
import { manualClock } from '../../src-shared/clock.ts';
import { startTestCloud, type TestCloud } from '../cloud/helpers.ts';
import { removeTempDirs } from '../core/helpers.ts';
import { ADMIN, PASSWORD, openServer, type TestServer } from '../activation/helpers.ts';
import { launchBrowser, openPage } from './harness.ts';

const DAY = 24 * 3600_000;
const shots = process.env.CLM_SHOTS_DIR;
const clock = manualClock(Date.now());
const token = newLoginToken();
let browser: Browser;
let cloud: TestCloud;
let server: TestServer;
let web: LocalServer;
let base: string;

before(async () => {
  browser = await launchBrowser();
  cloud = await startTestCloud({ clock });
  server = await openServer(cloud.url, clock);
  await server.seats.activation.activate(ADMIN, PASSWORD);
  web = createLocalServer({ core: server.core, token });
  base = (await web.listen(0, '127.0.0.1')).url;
});
after(async () => {
  await browser?.close();
  await web?.close();
  await server?.close();
  await cloud?.close();
  removeTempDirs();
});

test('the view counts down with the cloud stopped, then says why the seats left', async () => {
  const { page } = await openPage(browser, base);
  await page.goto(`${base}/?token=${token}`);
  await page.getByLabel('Email', { exact: true }).fill(ADMIN);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  // The administrator lands on Organization (issue 18); Licensing is one click away.
  await page.getByRole('heading', { name: 'Organization', level: 1 }).waitFor();
  await page.getByRole('link', { name: 'Licensing', exact: true }).click();
  await page.getByRole('heading', { name: 'Licensing', level: 1 }).waitFor();

  await cloud.stop();
  clock.advance(3 * DAY + 5 * 3600_000);
  await server.seats.activation.refresh();
  await page.reload();
  await page.getByRole('link', { name: 'License server', exact: true }).click();
  const line = page.getByText(/Serves the organization's unassigned seats/);
  await line.waitFor();
  assert.match(
    (await line.textContent()) ?? '',
    /\(administrator admin@northwind\.example\), activated online; the signed entitlement is valid for 3 days 1[89] hours\./,
  );
  await page
    .getByText(/The cloud is unreachable; serving the last entitlement until it expires/)
    .waitFor();
  if (shots) await page.screenshot({ path: `${shots}/countdown.png`, fullPage: true });

  clock.advance(4 * DAY);
  server.seats.activation.tick();
  await page.reload();
  await page.getByRole('link', { name: 'License server', exact: true }).click();
  await page.getByText('The entitlement expired: its seats left the pool').waitFor();
  await page
    .getByText(/Connect to the cloud to renew it, or import a new \.crt\./)
    .first()
    .waitFor();
  await page.getByText('This license server has no seats').waitFor();
  if (shots) await page.screenshot({ path: `${shots}/expired.png`, fullPage: true });
});
