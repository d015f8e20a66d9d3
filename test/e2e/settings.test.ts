// Settings in Chromium (issue 12, docs/sources.md, Online licensing "Settings and proxy"): the administrator sets a proxy
// on Account → Settings and the real test proxy carries the next cloud call; the proxy password
// is not in the settings file; a bad timeout is refused with its reason and changes nothing; a
// proxy that does not answer is named in the status bar.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { startTestCloud, type TestCloud } from '../cloud/helpers.ts';
import { startTestProxy, type TestProxy } from '../support/proxy.ts';
import { eventually } from '../support/wait.ts';
import { launchBrowser, openPage, startServe, type ServedApp } from './harness.ts';

const ADMIN = 'admin@northwind.example';
const PROXY_PASSWORD = 'pr0xy-secret-7781';
const shots = process.env.CLM_SHOTS_DIR;
let browser: Browser;
let cloud: TestCloud;
let proxy: TestProxy;
let app: ServedApp;

before(async () => {
  browser = await launchBrowser();
  cloud = await startTestCloud();
  proxy = await startTestProxy({ 'cloud.invalid': '127.0.0.1' });
  app = await startServe({ cloudUrl: cloud.url });
});
after(async () => {
  await browser?.close();
  await app?.stop();
  await proxy?.close();
  await cloud?.close();
});

const settingsFile = () => readFileSync(join(app.dataDir, 'settings.json'), 'utf8');

async function save(page: Page, fields: Record<string, string>): Promise<void> {
  for (const [label, value] of Object.entries(fields))
    await page.getByLabel(label, { exact: true }).fill(value);
  await page.getByRole('button', { name: 'Save settings' }).click();
}

test('a proxy set on the Settings page carries the next cloud call; a wrong one is named', async () => {
  const { page } = await openPage(browser, app.base);
  await page.goto(app.loginUrl);
  await page.getByLabel('Email', { exact: true }).fill(ADMIN);
  await page.getByLabel('Password', { exact: true }).fill('demo1234');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('heading', { name: 'Organization', level: 1 }).waitFor();
  await page.getByRole('link', { name: 'Account', exact: true }).click();
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await page.getByRole('heading', { name: 'Connection settings' }).waitFor();
  if (shots) await page.screenshot({ path: join(shots, 'settings-empty.png'), fullPage: true });

  await save(page, {
    'HTTP(S) proxy': proxy.url,
    'Proxy user (optional)': 'studio',
    'Proxy password (optional)': PROXY_PASSWORD,
  });
  await page.getByText('Settings saved. The next call to the cloud uses them.').waitFor();
  await page.getByText('A password is stored; leave empty to keep it.').waitFor();
  assert.equal(proxy.seen.length, 0, 'nothing went through the proxy before');
  await page.getByRole('button', { name: 'Sync now' }).click();
  await eventually('the proxy carried the next cloud call', () =>
    proxy.seen.some((s) => s.includes(cloud.url)),
  );
  const saved = settingsFile();
  assert.match(saved, /"proxyUser": "studio"/);
  assert.ok(!saved.includes(PROXY_PASSWORD), 'the proxy password is not in settings.json');
  if (shots) await page.screenshot({ path: join(shots, 'settings-saved.png'), fullPage: true });

  // Bad input: refused with its reason, the file stays byte for byte.
  await save(page, { 'Connect timeout (seconds)': '0' });
  await page
    .getByText(
      'Invalid settings: the connect timeout must be a whole number of seconds from 1 to 300, not "0"',
    )
    .waitFor();
  assert.equal(settingsFile(), saved);
  if (shots) await page.screenshot({ path: join(shots, 'settings-refused.png'), fullPage: true });

  await save(page, { 'Connect timeout (seconds)': '10', 'HTTP(S) proxy': 'http://127.0.0.1:9' });
  await page.getByText('Settings saved.', { exact: false }).waitFor();
  await page.getByRole('button', { name: 'Sync now' }).click();
  const bar = page.getByRole('contentinfo', { name: 'Sync status' });
  await bar
    .getByText('The proxy http://127.0.0.1:9 is not answering — check it under Account → Settings')
    .waitFor();
  await bar.getByRole('button', { name: 'Details' }).click();
  await page
    .getByRole('dialog', { name: 'Connection details' })
    .getByText(/ECONNREFUSED/)
    .waitFor();
  if (shots) await page.screenshot({ path: join(shots, 'settings-bad-proxy.png'), fullPage: true });
});

test('behind a proxy, the first sign-in works once the proxy is set on the sign-in page', async () => {
  // The cloud's name resolves only inside the proxy: without it nothing reaches the cloud.
  const hidden = await startServe({ cloudUrl: cloud.url.replace('127.0.0.1', 'cloud.invalid') });
  try {
    const { page } = await openPage(browser, hidden.base);
    await page.goto(hidden.loginUrl);
    await page.getByText('Connection settings (proxy, cloud URL)').click();
    await page.getByLabel('HTTP(S) proxy', { exact: true }).fill(proxy.url);
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Settings saved. The next call to the cloud uses them.').waitFor();
    if (shots) await page.screenshot({ path: join(shots, 'settings-signin.png'), fullPage: true });
    await page.getByLabel('Email', { exact: true }).fill(ADMIN);
    await page.getByLabel('Password', { exact: true }).fill('demo1234');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('heading', { name: 'Organization', level: 1 }).waitFor();
    assert.ok(
      proxy.seen.some((s) => s.includes('cloud.invalid') && s.endsWith('/v1/auth/sign-in')),
    );
  } finally {
    await hidden.stop();
  }
});
