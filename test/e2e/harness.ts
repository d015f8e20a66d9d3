// Playwright harness: starts the real headless app (`clm serve`) and Debian's Chromium, takes screenshots, cleans up.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CORE_ENV, CORE_NODE_ARGS } from '../../src-main/core/launch.ts';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const screenshotDir = join(root, 'test-results', 'screenshots');

const CHROMIUM = process.env.CLM_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
/** A deadline for start-up, not a wait: the harness resolves as soon as the JSON line arrives. */
const START_DEADLINE_MS = 30_000;

export interface ServedApp {
  /** Base URL, e.g. http://127.0.0.1:41234 (no token). */
  base: string;
  /** The URL with `?token=`, as `clm serve` prints it. */
  loginUrl: string;
  token: string;
  port: number;
  /** The `clm serve` process (the benches read its memory). */
  pid: number;
  dataDir: string;
  /** Everything the process printed, for failure messages. */
  output: () => string;
  stop: () => Promise<void>;
}

interface ServeLine {
  url: string;
  token: string;
  port: number;
}

function isServeLine(value: unknown): value is ServeLine {
  const v = value as Partial<ServeLine> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.url === 'string' &&
    typeof v.token === 'string' &&
    typeof v.port === 'number'
  );
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** `clm serve` (or `opts.command`) on a fresh data folder (plus `opts.args`): the embedded demo, or the given cloud when `cloudUrl` is set. Waits for its JSON line. */
export async function startServe(
  opts: { cloudUrl?: string; command?: string[]; args?: string[]; dataDir?: string } = {},
): Promise<ServedApp> {
  // A given data folder is the caller's (a restart on the same data): stop() leaves it.
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'clm-e2e-'));
  const cloud = opts.cloudUrl
    ? ['--cloud', opts.cloudUrl, '--credential-file', join(dataDir, 'credential')]
    : [];
  // Started as `clm` starts it (src-main/core/launch.ts): the memory measured is the product's.
  const child = spawn(
    process.execPath,
    [
      ...CORE_NODE_ARGS,
      process.env.CLM_CLI ?? join(root, 'dist', 'cli.js'),
      // `clm dongles emulate FILE…` runs the same server with software dongles plugged in.
      ...(opts.command ?? ['serve']),
      '--port',
      '0',
      '--data',
      dataDir,
      '--json',
      ...cloud,
      ...(opts.args ?? []),
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...CORE_ENV } },
  );
  let log = '';
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited(child);
      clearTimeout(killer);
    }
    if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    const line = await new Promise<ServeLine>((resolve, reject) => {
      const deadline = setTimeout(
        () => reject(new Error(`clm serve printed no JSON line in time:\n${log}`)),
        START_DEADLINE_MS,
      );
      const lines = createInterface({ input: child.stdout! });
      lines.on('line', (text) => {
        log += text + '\n';
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          return; // Not the JSON line (a log line); keep reading.
        }
        if (isServeLine(parsed)) {
          clearTimeout(deadline);
          resolve(parsed);
        }
      });
      child.once('exit', (code, signal) => {
        clearTimeout(deadline);
        reject(new Error(`clm serve exited (${code ?? signal}) before it was ready:\n${log}`));
      });
      child.once('error', (err) => {
        clearTimeout(deadline);
        reject(err);
      });
    });
    const base = new URL(line.url).origin;
    const loginUrl = new URL(line.url);
    loginUrl.searchParams.set('token', line.token);
    return {
      base,
      loginUrl: loginUrl.toString(),
      token: line.token,
      port: line.port,
      pid: child.pid as number,
      dataDir,
      output: () => log,
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Console errors and page errors seen so far (CSP violations show up here). */
  problems: string[];
}

/** A fresh browser context (own cookies) with one page at a desktop size. */
export async function openPage(browser: Browser, origin: string): Promise<Session> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  return { context, page, problems };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const path = join(screenshotDir, `${name}.png`);
  // Park the pointer in a corner so no row shows a stray hover highlight.
  await page.mouse.move(0, 0);
  await page.screenshot({ path });
  return path;
}
