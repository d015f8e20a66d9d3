// A real cloud over the credit fixture on a free port, on a manual clock the test moves, with
// calls as any of the fixture's accounts and the ledger's replay.
import { fileURLToPath } from 'node:url';
import { manualClock, type ManualClock } from '../../src-shared/clock.ts';
import type { CreditBalance, RenderQuote } from '../../src-shared/cloud-api/credits.ts';
import type { CreditLedgerRow, RenderJobRow } from '../../src-shared/cloud-api/sync.ts';
import { startTestCloud, type Answer, type TestCloud } from '../cloud/helpers.ts';

export const creditSeed = fileURLToPath(new URL('./fixtures/credits-seed.json', import.meta.url));
export const ADMIN = 'admin@render.test';
export const user = (n: number): string => `user${String(n).padStart(2, '0')}@render.test`;

/** A scene the simulated farm estimates at 5 credits (4 frames of 100 MB) unless told otherwise. */
export const scene = (name: string, frames = 4, sizeBytes = 100_000_000) => ({
  name,
  frames,
  sizeBytes,
});

export interface CreditCloud {
  cloud: TestCloud;
  clock: ManualClock;
  as<T = unknown>(email: string, method: string, path: string, body?: unknown): Promise<Answer<T>>;
  balance(email: string): Promise<CreditBalance>;
  ledger(email: string): Promise<CreditLedgerRow[]>;
  jobs(email: string): Promise<RenderJobRow[]>;
  quote(email: string, body: ReturnType<typeof scene>): Promise<RenderQuote>;
  close(): Promise<void>;
}

export async function startCreditCloud(): Promise<CreditCloud> {
  const clock = manualClock(Date.now());
  const cloud = await startTestCloud({ seed: creditSeed, clock });
  const tokens = new Map<string, string>();
  async function as<T>(email: string, method: string, path: string, body?: unknown) {
    let token = tokens.get(email);
    if (!token) {
      token = (await cloud.signIn(email)).accessToken;
      tokens.set(email, token);
    }
    const r = await cloud.call<T>(method, path, body, token);
    if (r.status !== 401) return r;
    // The test moved the clock past the access token's life: sign in again, like the app would.
    tokens.delete(email);
    return as<T>(email, method, path, body);
  }
  async function ok<T>(email: string, method: string, path: string, body?: unknown): Promise<T> {
    const r = await as<T>(email, method, path, body);
    if (r.status !== 200)
      throw new Error(`${method} ${path} as ${email}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  }
  return {
    cloud,
    clock,
    as,
    balance: (email) => ok<CreditBalance>(email, 'GET', '/v1/credits/balance'),
    ledger: (email) => ok<CreditLedgerRow[]>(email, 'GET', '/v1/credits/ledger'),
    jobs: (email) => ok<RenderJobRow[]>(email, 'GET', '/v1/render/jobs'),
    quote: (email, body) => ok<RenderQuote>(email, 'POST', '/v1/render/quote', body),
    close: () => cloud.close(),
  };
}

/** The balance recomputed from the ledger alone: every row of the owner's lots up to `at`. */
export function replay(rows: readonly CreditLedgerRow[], ownerId: string, at: string): number {
  const milli = rows
    .filter((r) => r.ownerId === ownerId && r.at <= at)
    .reduce((s, r) => s + Math.round(r.amount * 1000), 0);
  return milli / 1000;
}
