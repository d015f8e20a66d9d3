// A real cloud server on a free port over the org fixture, with signed-in helpers per account.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCloudServer } from '../../src-cloud/server.ts';
import {
  dropStore,
  freshDatabaseUrl,
  queryStore,
  snapshotStore,
  type TestStore,
} from '../support/store.ts';

export const orgSeed = fileURLToPath(new URL('./fixtures/org-seed.json', import.meta.url));
export const PASSWORD = 'demo1234';

export interface Answer<T = unknown> {
  status: number;
  body: T;
}

export interface OrgCloud {
  url: string;
  dataDir: string;
  /** The PostgreSQL store's URL when the tests run on PostgreSQL (test/support/store.ts). */
  databaseUrl: string | null;
  /** Calls as `email` (signed in once, token cached). */
  as<T = unknown>(email: string, method: string, path: string, body?: unknown): Promise<Answer<T>>;
  raw<T = unknown>(email: string, method: string, path: string, raw: string): Promise<Answer<T>>;
  token(email: string): Promise<string>;
  /** Every row of every table, to prove a request changed nothing. */
  snapshot(): string;
  /** Runs a read-only query on the database file. */
  query<T>(sqlText: string, ...params: unknown[]): T[];
  close(): Promise<void>;
}

export async function startOrgCloud(
  opts: {
    seed?: string | null;
    smtpUrl?: string;
    dataDir?: string;
    databaseUrl?: string | null;
  } = {},
): Promise<OrgCloud> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'clm-org-'));
  const store: TestStore = {
    dataDir,
    databaseUrl: opts.databaseUrl === undefined ? freshDatabaseUrl() : opts.databaseUrl,
  };
  const server = await startCloudServer({
    port: 0,
    dataDir,
    databaseUrl: store.databaseUrl,
    seedFile: opts.seed === undefined ? orgSeed : opts.seed,
    smtpUrl: opts.smtpUrl ?? null,
  });
  const tokens = new Map<string, string>();
  async function send<T>(method: string, path: string, body: string | undefined, token?: string) {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (token) headers.authorization = `Bearer ${token}`;
    const res = await fetch(server.url + path, { method, headers, body });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
  }
  async function token(email: string): Promise<string> {
    const known = tokens.get(email);
    if (known) return known;
    const r = await send<{ accessToken: string; message?: string }>(
      'POST',
      '/v1/auth/sign-in',
      JSON.stringify({ email, password: PASSWORD }),
    );
    if (r.status !== 200) throw new Error(`sign-in ${email}: ${r.status} ${r.body.message}`);
    tokens.set(email, r.body.accessToken);
    return r.body.accessToken;
  }
  return {
    url: server.url,
    dataDir,
    databaseUrl: store.databaseUrl,
    token,
    async as(email, method, path, body) {
      return send(
        method,
        path,
        body === undefined ? undefined : JSON.stringify(body),
        await token(email),
      );
    },
    async raw(email, method, path, raw) {
      return send(method, path, raw, await token(email));
    },
    snapshot: () => snapshotStore(store),
    query: <T>(sqlText: string, ...params: unknown[]) => queryStore<T>(store, sqlText, ...params),
    async close() {
      await server.close();
      if (opts.databaseUrl === undefined) dropStore(store);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
