// The real app at organization scale for the benches: a big organization in `clm cloud` (own
// process), `clm serve` signed in to it, and Chromium on its Organization view. Timings are
// taken in the page, to the painted frame (rAF, then a message task after the frame).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import type { Browser, Page, Request } from 'playwright-core';
import { BIG_ADMIN, buildBigOrg, startCloudProcess } from '../test/support/big-org.ts';
import { launchBrowser, openPage, startServe, type ServedApp } from '../test/e2e/harness.ts';

export interface BigOrgApp {
  cloudUrl: string;
  app: ServedApp;
  browser: Browser;
  stop(): Promise<void>;
}

/** Builds the organization, starts the cloud, `clm serve` on it and Chromium. */
export async function startBigOrgApp(users: number): Promise<BigOrgApp> {
  const cloudDir = mkdtempSync(join(tmpdir(), 'clm-bench-org-cloud-'));
  let child: ChildProcess | undefined;
  let app: ServedApp | undefined;
  let browser: Browser | undefined;
  const stop = async () => {
    await browser?.close();
    await app?.stop();
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child?.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(cloudDir, { recursive: true, force: true });
  };
  try {
    await buildBigOrg(cloudDir, { users });
    const cloud = await startCloudProcess(cloudDir);
    child = cloud.child;
    app = await startServe({ cloudUrl: cloud.url });
    browser = await launchBrowser();
    return { cloudUrl: cloud.url, app, browser, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** Resident memory of a process in MB, from /proc. */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024;
}

/** A bridge call of `clm serve` as the page made it: name and input. */
export interface SeenCall {
  name: string;
  input: unknown;
  /** Users in the answer, for `org.users` (how much of the organization it loaded). */
  users?: number;
  /** Request sent to answer received, as Chromium timed it. */
  ms?: number;
}

/** Records the page's bridge calls (`POST /api/call/<name>`) from now until `stop()`. */
export function recordCalls(page: Page): { calls: SeenCall[]; stop(): void } {
  const calls: SeenCall[] = [];
  const onRequest = (req: Request) => {
    const m = /\/api\/call\/([^/?]+)/.exec(req.url());
    if (!m?.[1] || req.method() !== 'POST') return;
    const seen: SeenCall = { name: decodeURIComponent(m[1]), input: req.postDataJSON() as unknown };
    calls.push(seen);
    void req
      .response()
      .then(() => {
        const t = req.timing();
        seen.ms = Math.round(t.responseEnd);
      })
      .catch(() => undefined);
    if (seen.name === 'org.users')
      void req
        .response()
        .then((res) => res?.json())
        .then((env: { ok?: boolean; value?: { users?: unknown[] } } | undefined) => {
          seen.users = env?.value?.users?.length ?? 0;
        })
        .catch(() => undefined);
  };
  page.on('request', onRequest);
  return { calls, stop: () => page.off('request', onRequest) };
}

const FIRST_ROW = '[role="row"][data-user]';

/**
 * tsx compiles this file keeping function names, through a `__name` helper that the functions
 * sent to the page would call there: give the page a harmless one.
 */
async function pageWithNames(browser: Browser, app: ServedApp) {
  const session = await openPage(browser, app.base);
  await session.page.addInitScript('globalThis.__name = (f) => f;');
  return session;
}

/** Opens the app and signs in as the big organization's administrator; resolves on the user list. */
export async function signInToUserList(
  browser: Browser,
  app: ServedApp,
  deadlineMs: number,
): Promise<{ page: Page; close(): Promise<void> }> {
  const { context, page } = await pageWithNames(browser, app);
  try {
    page.setDefaultTimeout(deadlineMs);
    await page.goto(app.loginUrl);
    const landed = page.getByRole('heading', { name: 'Organization', level: 1 });
    const email = page.getByLabel('Email', { exact: true });
    await landed.or(email).first().waitFor();
    if (await email.isVisible()) {
      await email.fill(BIG_ADMIN.email);
      await page.getByLabel('Password', { exact: true }).fill(BIG_ADMIN.password);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await landed.waitFor();
    }
    await page.locator(FIRST_ROW).first().waitFor();
    return { page, close: () => context.close() };
  } catch (err) {
    await context.close();
    throw err;
  }
}

/**
 * Opens the login URL of an app already signed in and times, in the page, the navigation's
 * start to the first painted frame with a user row (a MutationObserver installed before any
 * script of the app runs sees the row arrive).
 */
export async function timeFirstRow(
  browser: Browser,
  app: ServedApp,
  deadlineMs: number,
): Promise<{ page: Page; firstRowMs: number; close(): Promise<void> }> {
  const { context, page } = await pageWithNames(browser, app);
  try {
    page.setDefaultTimeout(deadlineMs);
    await page.addInitScript((sel: string) => {
      const w = window as unknown as { clmFirstRow?: Promise<number> };
      w.clmFirstRow = new Promise((resolve) => {
        const done = () =>
          requestAnimationFrame(() => {
            const ch = new MessageChannel();
            ch.port1.onmessage = () => resolve(performance.now());
            ch.port2.postMessage(null);
          });
        const obs = new MutationObserver(() => {
          if (!document.querySelector(sel)) return;
          obs.disconnect();
          done();
        });
        obs.observe(document, { childList: true, subtree: true });
      });
    }, FIRST_ROW);
    await page.goto(app.loginUrl);
    const firstRowMs = await page.evaluate(
      () => (window as unknown as { clmFirstRow: Promise<number> }).clmFirstRow,
    );
    return { page, firstRowMs, close: () => context.close() };
  } catch (err) {
    await context.close();
    throw err;
  }
}

/**
 * Types `query` into the user list's search one key at a time; for each key, the time from the
 * key event to the first painted frame after the list's rows changed (each key must change them).
 */
export async function timeSearchKeys(page: Page, query: string): Promise<number[]> {
  const search = page.getByRole('searchbox', { name: 'Search by name or email' });
  await search.fill('');
  await search.focus();
  const out: number[] = [];
  for (const ch of query) {
    const armed = page.evaluate(() => {
      return new Promise<number>((resolve, reject) => {
        // A deadline, not a wait: a key that changes no row would otherwise never answer.
        const deadline = setTimeout(() => reject(new Error('the list did not change')), 60_000);
        const table = document.querySelector('[role="table"][aria-label="Organization users"]');
        if (!table) return reject(new Error('no user list'));
        let t0 = NaN;
        const onKey = (e: Event) => {
          t0 = e.timeStamp;
        };
        document.addEventListener('keydown', onKey, { capture: true, once: true });
        const obs = new MutationObserver(() => {
          obs.disconnect();
          clearTimeout(deadline);
          requestAnimationFrame(() => {
            const mc = new MessageChannel();
            mc.port1.onmessage = () => resolve(performance.now() - t0);
            mc.port2.postMessage(null);
          });
        });
        obs.observe(table, { childList: true, subtree: true, characterData: true });
      });
    });
    // The page runs evaluations in order: once this one answers, the observer above is armed.
    await page.evaluate(() => undefined);
    await page.keyboard.press(ch);
    out.push(await armed);
  }
  return out;
}

/** A user row's first product chip: the user's email and the chip's accessible name. */
export async function firstChip(page: Page): Promise<{ email: string; chip: string }> {
  const row = page.locator(FIRST_ROW).first();
  const email = (await row.getAttribute('data-user')) as string;
  const chip = (await row
    .getByRole('button', { name: /: revoke$/ })
    .first()
    .getAttribute('aria-label')) as string;
  return { email, chip };
}
