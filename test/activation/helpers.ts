// A rig of real parts for the activation tests: the real cloud over HTTP on an injected clock,
// and license servers (a core + the seat service) each on its own data folder and machine key.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Core } from '../../src-main/core/core.ts';
import { attachSeats, type AttachedSeats } from '../../src-main/seats/attach.ts';
import type { Clock } from '../../src-shared/clock.ts';
import { openCore, tempDir } from '../core/helpers.ts';
import type { TestCloud } from '../cloud/helpers.ts';

export const PASSWORD = 'demo1234';
export const ADMIN = 'admin@northwind.example';
export const MEMBER = 'marco.rossi@northwind.example';

export interface TestServer {
  core: Core;
  seats: AttachedSeats;
  dataDir: string;
  credentialFile: string;
  /** Served seats per product (the pool's totals). */
  served(): Record<string, number>;
  close(): Promise<void>;
}

export async function openServer(
  cloudUrl: string,
  clock: Clock,
  opts: { dataDir?: string; machineId?: string } = {},
): Promise<TestServer> {
  const dataDir = opts.dataDir ?? tempDir('server');
  const credentialFile = join(dataDir, 'credential');
  const core = await openCore({ dataDir, cloudUrl, credentialFile, clock });
  const seats = attachSeats(core, {
    reapIntervalMs: 0,
    sampleIntervalMs: 0,
    poolRefreshMs: 3_600_000,
    dongles: false,
    clock,
    machineId: opts.machineId,
  });
  await seats.activation.ready;
  return {
    core,
    seats,
    dataDir,
    credentialFile,
    served: () =>
      Object.fromEntries(seats.service.status().products.map((p) => [p.product, p.total])),
    close: () => core.close(),
  };
}

/** SHA-256 of every file under `dir` (the activation folder, the credential file). */
export function digestOf(paths: string[]): string {
  const h = createHash('sha256');
  const walk = (p: string) => {
    let st;
    try {
      st = statSync(p);
    } catch {
      h.update(`${p}: absent\n`);
      return;
    }
    if (st.isDirectory()) for (const e of readdirSync(p).sort()) walk(join(p, e));
    else h.update(`${p}\n`).update(readFileSync(p));
  };
  for (const p of paths) walk(p);
  return h.digest('hex');
}

export async function token(cloud: TestCloud, email: string): Promise<string> {
  return (await cloud.signIn(email, PASSWORD)).accessToken;
}
