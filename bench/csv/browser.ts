// Serves the CSV page (production worker bundle + client) on 127.0.0.1 and opens it in Chromium.
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { CsvPageApi } from './page.ts';

const here = dirname(fileURLToPath(import.meta.url));
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface Served {
  body: Buffer | string;
  type: string;
}

export interface CsvBrowser {
  page: Page;
  /** Calls the page's API (see page.ts) with JSON-serialisable arguments. */
  call<K extends keyof CsvPageApi>(
    name: K,
    ...args: Parameters<CsvPageApi[K]>
  ): Promise<Awaited<ReturnType<CsvPageApi[K]>>>;
  close(): Promise<void>;
}

/** Bundles (esbuild, ESM, minified as for production), serves `files` beside the page, opens it. */
export async function openCsvPage(files: Record<string, Served>): Promise<CsvBrowser> {
  const out = mkdtempSync(join(tmpdir(), 'clm-csv-page-'));
  let server: Server | null = null;
  let browser: Browser | null = null;
  const close = async (): Promise<void> => {
    await browser?.close();
    await new Promise((r) => (server ? server.close(r) : r(undefined)));
    rmSync(out, { recursive: true, force: true });
  };
  try {
    await build({
      entryPoints: {
        'csv.worker': join(here, '../../src-renderer/csv/csv.worker.ts'),
        page: join(here, 'page.ts'),
      },
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      minify: true,
      define: { 'process.env.NODE_ENV': '"production"' },
      outdir: out,
      logLevel: 'warning',
    });
    const routes: Record<string, Served> = {
      ...files,
      '/': { body: readFileSync(join(here, 'page.html')), type: 'text/html' },
      '/page.js': { body: readFileSync(join(out, 'page.js')), type: 'text/javascript' },
      '/csv.worker.js': { body: readFileSync(join(out, 'csv.worker.js')), type: 'text/javascript' },
    };
    server = createServer((req, res) => {
      const f = routes[new URL(req.url ?? '/', 'http://local').pathname];
      if (!f) return void res.writeHead(req.url === '/favicon.ico' ? 204 : 404).end();
      res.writeHead(200, { 'content-type': f.type, 'cache-control': 'no-store' }).end(f.body);
    });
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
    browser = await chromium.launch({
      executablePath: process.env.CLM_CHROMIUM ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
      headless: true,
    });
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await page.waitForFunction(() => document.title === 'ready');
    const call: CsvBrowser['call'] = async (name, ...args) => {
      const r = await page.evaluate(
        ([n, a]) => {
          const api = (window as unknown as { csv: Record<string, (...x: unknown[]) => unknown> })
            .csv;
          return api[n]!(...a);
        },
        [name as string, args as unknown[]] as const,
      );
      if (problems.length) throw new Error(`page errors: ${problems.join('; ')}`);
      return r as never;
    };
    return { page, call, close };
  } catch (err) {
    await close();
    throw err;
  }
}
