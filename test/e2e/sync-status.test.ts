// The status bar shows offline, last sync, pending and failed counts
// (clm serve against a real cloud that the test stops and starts; Chromium screenshot).
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { ADMIN, cloudReader, removeTempDirs, startCloud, tempDir } from '../sync/helpers.ts';
import { eventually } from '../support/wait.ts';
import { launchBrowser, openPage, screenshot, startServe } from './harness.ts';

after(removeTempDirs);

test('status bar: offline with pending and failed changes', { timeout: 90_000 }, async () => {
  const cloudDir = tempDir('cloud');
  let cloud = await startCloud(cloudDir);
  const port = cloud.port;
  const app = await startServe({ cloudUrl: cloud.url });
  const browser = await launchBrowser();
  try {
    const { page, context } = await openPage(browser, app.base);
    await page.goto(app.loginUrl);
    await page.getByLabel('Email', { exact: true }).fill(ADMIN.email);
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('heading', { name: 'Organization', level: 1 }).waitFor();
    const bar = page.getByRole('contentinfo', { name: 'Sync status' });
    await bar.getByText('Online').waitFor();

    // The same HTTP bridge the page uses, behind the login token.
    const call = async (name: string, input: unknown) => {
      const res = await fetch(`${app.base}/api/call/${name}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${app.token}`,
          'x-clm-bridge': '1',
          'content-type': 'application/json',
        },
        body: JSON.stringify(input),
      });
      return (await res.json()) as { ok: boolean; value?: unknown };
    };
    // The organization's rows land a moment after "Online": wait for them, not for the bar.
    const users = await eventually('the organization users in the replica', async () => {
      const page = (await call('org.users', {})) as {
        value?: { users: { id: string; email: string }[] };
      };
      const list = page.value?.users ?? [];
      return list.some((u) => u.email === 'olivia.brown@freelance.example') && list;
    });
    const id = (email: string) => users.find((u) => u.email === email)?.id as string;
    const chen = id('chen.wei@lumen-render.example');
    const olivia = id('olivia.brown@freelance.example');

    // Offline: a removal the cloud will refuse once Chen gets a product there.
    await cloud.close();
    await call('sync.now', {});
    await bar.getByText(/Offline/).waitFor();
    assert.equal((await call('org.removeUsers', { userIds: [chen] })).ok, true);
    await bar.getByText('1 pending change').waitFor();

    // Chen gets a product while the app still cannot reach the cloud (the same store served on
    // another port): had the app's reconnect loop come first, the removal would be accepted.
    const aside = await startCloud(cloudDir);
    const reader = await cloudReader(aside.url, ADMIN.email, ADMIN.password);
    await reader.post('/v1/org/assignments', {
      userId: chen,
      purchaseId: 'pur_nw_rendernode',
      quantity: 1,
    });
    await aside.close();
    cloud = await startCloud(cloudDir, port);
    const status = await call('sync.now', {});
    // Should this wait fail, say what the core and the bar said instead.
    await bar
      .getByText('1 failed change')
      .waitFor()
      .catch(async (err: Error) => {
        const now = JSON.stringify((await call('sync.status', {})).value);
        const was = JSON.stringify(status.value);
        throw new Error(
          `${err.message}\nbar: ${await bar.innerText()}\nsync.now: ${was}\nnow: ${now}`,
        );
      });

    // Offline again, with two changes waiting.
    await cloud.close();
    await call('sync.now', {});
    await bar.getByText(/Offline/).waitFor();
    await call('org.setCreditAccess', { userIds: [olivia], access: { mode: 'limit', limit: 50 } });
    await call('org.assign', { userIds: [olivia], purchaseId: 'pur_nw_rendernode' });
    await bar.getByText('2 pending changes').waitFor();
    assert.match(await bar.innerText(), /Last sync/);
    await screenshot(page, 'sync-status-offline');
    await context.close();
  } finally {
    await browser.close();
    await app.stop();
    await cloud.close().catch(() => undefined);
  }
});
