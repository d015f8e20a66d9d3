// The cloud on PostgreSQL beside SQLite, in one run (issue 21), each over real HTTP
// against `clm cloud` in its own process: a full pull of 10,000 users + 50,000 assignments and a
// push of 1,000 mutations (PostgreSQL as a ratio to SQLite), and one organization's pull among
// 1,000 organizations of 100 users as a ratio to the same organization alone (goal <= 1.2).
// Needs a PostgreSQL URL in CLM_BENCH_PG_URL or CLM_TEST_PG_URL; each store is a fresh schema.
import { type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashPassword } from '../src-cloud/auth/passwords.ts';
import { openStore } from '../src-cloud/store/db.ts';
import { BIG_ADMIN, buildBigOrg, startCloudProcess } from '../test/support/big-org.ts';
import { dropStore, type TestStore } from '../test/support/store.ts';
import { atMost, info, median, type Bench, type BenchResult } from './lib.ts';

const USERS = 10_000;
const PUSH = 1_000;
const ORGS = 1_000;
const ORG_USERS = 100;
const ROUNDS = 7;

function pgStore(tag: string): TestStore {
  const base = process.env.CLM_BENCH_PG_URL ?? process.env.CLM_TEST_PG_URL ?? '';
  const u = new URL(base);
  u.searchParams.set('schema', `bench_${tag}_${process.pid}`);
  return {
    dataDir: mkdtempSync(join(tmpdir(), `clm-pg-bench-${tag}-`)),
    databaseUrl: u.toString(),
  };
}

async function withCloud<T>(store: TestStore, fn: (url: string) => Promise<T>): Promise<T> {
  let child: ChildProcess | undefined;
  try {
    const cloud = await startCloudProcess(store.dataDir, store.databaseUrl);
    child = cloud.child;
    return await fn(cloud.url);
  } finally {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child?.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    dropStore(store);
    rmSync(store.dataDir, { recursive: true, force: true });
  }
}

async function token(url: string, email: string, password: string): Promise<string> {
  const r = await fetch(`${url}/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (r.status !== 200) throw new Error(`sign-in ${email}: ${r.status}`);
  return ((await r.json()) as { accessToken: string }).accessToken;
}

/** Median full pull (after one warm-up) and the rows it held. */
async function fullPull(url: string, auth: string): Promise<{ ms: number; users: number }> {
  const times: number[] = [];
  let users = 0;
  for (let i = 0; i <= ROUNDS; i++) {
    const t0 = performance.now();
    const r = await fetch(`${url}/v1/pull?cursor=0`, { headers: { authorization: auth } });
    const text = await r.text();
    if (i > 0) times.push(performance.now() - t0);
    if (r.status !== 200) throw new Error(`pull answered ${r.status}`);
    users = (JSON.parse(text) as { changes: { users: unknown[] } }).changes.users.length;
  }
  return { ms: median(times), users };
}

/** One push of 1,000 credit-access mutations, one per user. */
async function push(url: string, auth: string): Promise<number> {
  const mutations = Array.from({ length: PUSH }, (_, i) => ({
    id: i + 1,
    name: 'setCreditAccess',
    args: { userIds: [`acc-${i}`], access: { mode: 'limit', limit: 30 } },
  }));
  const t0 = performance.now();
  const r = await fetch(`${url}/v1/mutations`, {
    method: 'POST',
    headers: { authorization: auth, 'content-type': 'application/json' },
    body: JSON.stringify({ clientId: 'bench-desk', mutations }),
  });
  await r.text();
  if (r.status !== 200) throw new Error(`push answered ${r.status}`);
  return performance.now() - t0;
}

async function bigOrg(store: TestStore) {
  await buildBigOrg(store.dataDir, { users: USERS }, store.databaseUrl);
  return withCloud(store, async (url) => {
    const auth = `Bearer ${await token(url, BIG_ADMIN.email, BIG_ADMIN.password)}`;
    const pull = await fullPull(url, auth);
    if (pull.users !== USERS) throw new Error('the full pull is missing rows');
    return { pull: pull.ms, push: await push(url, auth) };
  });
}

/** `orgs` organizations of ORG_USERS users, each user with one seat of the org's purchase. */
async function manyOrgs(store: TestStore, orgs: number): Promise<void> {
  const db = await openStore(store);
  const hash = await hashPassword('org-password');
  const now = new Date().toISOString();
  try {
    for (let o = 0; o < orgs; o++) {
      const users = Array.from({ length: ORG_USERS }, (_, j) => `acc-${o}-${j}`);
      const account = (id: string) => ({
        id,
        name: id,
        country: 'BG',
        email: `${id}@orgs.test`,
        customer_number: `C-${id}`,
        password_hash: hash,
        created_at: now,
      });
      await db.transaction().execute(async (tx) => {
        await tx
          .insertInto('accounts')
          .values([account(`adm-${o}`), ...users.map(account)])
          .execute();
        await tx
          .insertInto('organizations')
          .values({
            id: `org-${o}`,
            name: `Org ${o}`,
            administrator_id: `adm-${o}`,
            customer_number: `C-adm-${o}`,
            confirmed: 1,
            created_at: now,
          })
          .execute();
        await tx
          .insertInto('purchases')
          .values({
            id: `pur-${o}`,
            account_id: `adm-${o}`,
            product_code: 'vray-3dsmax',
            quantity: ORG_USERS,
            term: 'annual',
            purchased_at: now,
            expires_at: null,
            auto_renew: 0,
          })
          .execute();
        await tx
          .insertInto('memberships')
          .values(
            users.map((id) => ({
              organization_id: `org-${o}`,
              account_id: id,
              role: 'member' as const,
              joined_at: now,
            })),
          )
          .execute();
        await tx
          .insertInto('assignments')
          .values(
            users.map((id) => ({
              id: `asg-${id}`,
              organization_id: `org-${o}`,
              purchase_id: `pur-${o}`,
              account_id: id,
              quantity: 1,
              assigned_at: now,
            })),
          )
          .execute();
      });
    }
  } finally {
    await db.destroy();
  }
}

async function orgPull(store: TestStore, orgs: number): Promise<number> {
  await manyOrgs(store, orgs);
  return withCloud(store, async (url) => {
    // The last organization built: its rows are the newest, among everyone else's.
    const auth = `Bearer ${await token(url, `adm-${orgs - 1}@orgs.test`, 'org-password')}`;
    const pull = await fullPull(url, auth);
    if (pull.users !== ORG_USERS) throw new Error('the organization pull is missing rows');
    return pull.ms;
  });
}

const bench: Bench = async () => {
  if (!process.env.CLM_BENCH_PG_URL && !process.env.CLM_TEST_PG_URL)
    return [info('pg.skipped: set CLM_BENCH_PG_URL (see README)', 0, '')];
  const sqlite = await bigOrg({
    dataDir: mkdtempSync(join(tmpdir(), 'clm-pg-bench-sqlite-')),
    databaseUrl: null,
  });
  const pg = await bigOrg(pgStore('big'));
  const alone = await orgPull(pgStore('alone'), 1);
  const among = await orgPull(pgStore('many'), ORGS);
  const results: BenchResult[] = [
    info('pg.sqlite: full pull of 10,000 users + 50,000 assignments (median)', sqlite.pull, 'ms'),
    info('pg.postgres: full pull of 10,000 users + 50,000 assignments (median)', pg.pull, 'ms'),
    atMost('pg.full pull, PostgreSQL / SQLite', pg.pull / sqlite.pull, 'ratio', 3),
    info('pg.sqlite: push of 1,000 mutations', sqlite.push, 'ms'),
    info('pg.postgres: push of 1,000 mutations', pg.push, 'ms'),
    atMost('pg.push of 1,000 mutations, PostgreSQL / SQLite', pg.push / sqlite.push, 'ratio', 3),
    info('pg.postgres: one organization of 100 users alone, full pull (median)', alone, 'ms'),
    info('pg.postgres: the same among 1,000 organizations, full pull (median)', among, 'ms'),
    atMost('pg.one organization among 1,000 / alone', among / alone, 'ratio', 1.2),
  ];
  return results;
};

export default bench;
