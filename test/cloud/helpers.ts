// Starts a real cloud server on a free port with a temp data folder, and speaks HTTP to it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCloudServer } from '../../src-cloud/server.ts';
import type { Clock } from '../../src-shared/clock.ts';
import { dropStore, freshDatabaseUrl, snapshotStore, type TestStore } from '../support/store.ts';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const demoSeed = join(root, 'resources', 'demo-seed.json');
export const DEMO_PASSWORD = 'demo1234';
export const ADMIN = 'admin@northwind.example';

export interface Answer<T = unknown> {
  status: number;
  body: T;
}

export interface TestCloud {
  url: string;
  dataDir: string;
  /** The PostgreSQL store's URL when the tests run on PostgreSQL (test/support/store.ts). */
  databaseUrl: string | null;
  call<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    token?: string,
  ): Promise<Answer<T>>;
  /** Sends `raw` as-is with a JSON content type. */
  raw<T = unknown>(method: string, path: string, raw: string, token?: string): Promise<Answer<T>>;
  signIn(email: string, password?: string): Promise<{ accessToken: string; refreshToken: string }>;
  /** Every row of every table, to prove a request changed nothing. */
  snapshot(): string;
  stop(): Promise<void>;
  /** Stops and removes the data folder. */
  close(): Promise<void>;
}

export async function startTestCloud(
  opts: { seed?: string | null; dataDir?: string; databaseUrl?: string | null; clock?: Clock } = {},
): Promise<TestCloud> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'clm-cloud-'));
  const store: TestStore = {
    dataDir,
    databaseUrl: opts.databaseUrl === undefined ? freshDatabaseUrl() : opts.databaseUrl,
  };
  const server = await startCloudServer({
    port: 0,
    dataDir,
    databaseUrl: store.databaseUrl,
    seedFile: opts.seed === undefined ? demoSeed : opts.seed,
    clock: opts.clock,
  });
  async function send<T>(method: string, path: string, body: string | undefined, token?: string) {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (token) headers.authorization = `Bearer ${token}`;
    const res = await fetch(server.url + path, { method, headers, body });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
  }
  let stopped = false;
  const cloud: TestCloud = {
    url: server.url,
    dataDir,
    databaseUrl: store.databaseUrl,
    call: (method, path, body, token) =>
      send(method, path, body === undefined ? undefined : JSON.stringify(body), token),
    raw: (method, path, raw, token) => send(method, path, raw, token),
    async signIn(email, password = DEMO_PASSWORD) {
      const r = await send<{ accessToken: string; refreshToken: string; message?: string }>(
        'POST',
        '/v1/auth/sign-in',
        JSON.stringify({ email, password }),
      );
      if (r.status !== 200) throw new Error(`sign-in ${email}: ${r.status} ${r.body.message}`);
      return r.body;
    },
    snapshot: () => snapshotStore(store),
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.close();
    },
    async close() {
      await cloud.stop();
      if (opts.databaseUrl === undefined) dropStore(store);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return cloud;
}
