// Shared by the core and headless tests: temp folders, a real cloud on a free port, grepping for secrets.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freshDatabaseUrl } from '../support/store.ts';
import { startCloudServer, type CloudServer } from '../../src-cloud/server.ts';
import { Core, type CoreOptions } from '../../src-main/core/core.ts';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const demoSeed = join(root, 'resources', 'demo-seed.json');
export const ADMIN = { email: 'admin@northwind.example', password: 'demo1234' };
/** Set by scripts/test.mjs when the tests run inside a D-Bus session with gnome-keyring. */
export const haveKeyring = process.env.CLM_TEST_KEYRING === '1';

const dirs: string[] = [];
export function tempDir(prefix: string): string {
  const d = mkdtempSync(join(tmpdir(), `clm-${prefix}-`));
  dirs.push(d);
  return d;
}
export function removeTempDirs(): void {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** The real cloud server on the demo seed; `port` lets a test restart it where it was. */
/** PostgreSQL stores by cloud data folder, so a restart on the same folder finds its store. */
const storeOfDir = new Map<string, string | null>();

export function startCloud(dataDir: string, port = 0): Promise<CloudServer> {
  if (!storeOfDir.has(dataDir)) storeOfDir.set(dataDir, freshDatabaseUrl());
  const databaseUrl = storeOfDir.get(dataDir) ?? null;
  return startCloudServer({ port, dataDir, databaseUrl, seedFile: demoSeed });
}

/** The PostgreSQL URL of the cloud started on `dataDir` (null on SQLite). */
export const databaseUrlOf = (dataDir: string) => storeOfDir.get(dataDir) ?? null;

/** A core on a real cloud, with quick reconnects so tests wait on events, not on long backoffs. */
export async function openCore(opts: CoreOptions, lines?: string[]): Promise<Core> {
  const core = await Core.open({
    reconnect: { minMs: 50, maxMs: 400 },
    requestTimeoutMs: 5000,
    logEcho: lines ? (line) => lines.push(line) : undefined,
    ...opts,
  });
  core.start();
  await core.settled();
  return core;
}

/** Every file under `dir` whose bytes contain `needle` (SQLite, WAL, logs, anything). */
export function filesContaining(dir: string, needle: string): string[] {
  const found: string[] = [];
  const bytes = Buffer.from(needle, 'utf8');
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (statSync(p).isFile() && readFileSync(p).includes(bytes)) found.push(p);
    }
  };
  walk(dir);
  return found;
}
