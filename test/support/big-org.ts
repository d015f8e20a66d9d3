// A large organization written straight into a cloud data dir, shared by the benches and the
// crash tests: an administrator, N users with one seat of each of 5 purchases, half of them with
// a credit limit, and optionally guests and accounts outside the organization to invite.
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { hashPassword } from '../../src-cloud/auth/passwords.ts';
import { DB_FILE, openStore, type Store } from '../../src-cloud/store/db.ts';

export const BIG_ADMIN = { email: 'admin@big.test', password: 'big-password' };
export const BIG_PRODUCTS = [
  'vray-3dsmax',
  'vray-maya',
  'phoenix-3dsmax',
  'enscape',
  'corona-3dsmax',
];
export const outsiderEmail = (i: number) => `outsider${i}@big.test`;

export interface BigOrgOptions {
  users: number;
  /** Every n-th user is a guest (default: none, all members). */
  guestEvery?: number;
  /** Registered accounts outside the organization, `outsider<i>@big.test`. */
  outsiders?: number;
}

export async function buildBigOrg(
  dataDir: string,
  opts: BigOrgOptions,
  databaseUrl: string | null = null,
): Promise<void> {
  if (databaseUrl) return buildBigOrgOn(await openStore({ dataDir, databaseUrl }), opts);
  const store = await openStore(dataDir); // the schema, every migration
  await store.destroy();
  const hash = await hashPassword(BIG_ADMIN.password);
  const db = new Database(join(dataDir, DB_FILE));
  const now = new Date().toISOString();
  // Bought now, for years: the purchases never expire while a test or bench runs.
  const inYears = new Date(Date.now() + 8 * 365 * 86_400_000).toISOString().slice(0, 10);
  const account = db.prepare(
    `insert into accounts (id, name, country, email, customer_number, password_hash, created_at)
     values (?, ?, 'BG', ?, ?, ?, ?)`,
  );
  const member = db.prepare(
    `insert into memberships (organization_id, account_id, role, joined_at) values ('org-big', ?, ?, ?)`,
  );
  const purchase = db.prepare(
    `insert into purchases (id, account_id, product_code, quantity, term, purchased_at, expires_at)
     values (?, 'acc-admin', ?, ?, 'annual', ?, ?)`,
  );
  const assignment = db.prepare(
    `insert into assignments (id, organization_id, purchase_id, account_id, quantity, assigned_at)
     values (?, 'org-big', ?, ?, 1, ?)`,
  );
  const access = db.prepare(
    `insert into credit_access (organization_id, account_id, mode, limit_milli, used_milli, updated_at)
     values ('org-big', ?, 'limit', 20000, 0, ?)`,
  );
  const guestEvery = opts.guestEvery ?? 0;
  db.transaction(() => {
    account.run('acc-admin', 'Big Admin', BIG_ADMIN.email, 'C-0', hash, now);
    db.prepare(
      `insert into organizations (id, name, administrator_id, customer_number, confirmed, created_at)
       values ('org-big', 'Big Org', 'acc-admin', 'C-0', 1, ?)`,
    ).run(now);
    BIG_PRODUCTS.forEach((code, p) => purchase.run(`pur-${p}`, code, opts.users, now, inYears));
    for (let i = 0; i < opts.users; i++) {
      const id = `acc-${i}`;
      account.run(id, `User ${i}`, `user${i}@big.test`, `C-${i + 1}`, hash, now);
      member.run(id, guestEvery && i % guestEvery === 0 ? 'guest' : 'member', now);
      BIG_PRODUCTS.forEach((_, p) => assignment.run(`asg-${i}-${p}`, `pur-${p}`, id, now));
      if (i % 2 === 0) access.run(id, now);
    }
    for (let i = 0; i < (opts.outsiders ?? 0); i++)
      account.run(`acc-x${i}`, `Outsider ${i}`, outsiderEmail(i), `C-x${i}`, hash, now);
  })();
  db.close();
}

/** The same organization through the query builder (PostgreSQL: its triggers stamp the feed). */
async function buildBigOrgOn(store: Store, opts: BigOrgOptions): Promise<void> {
  const hash = await hashPassword(BIG_ADMIN.password);
  const now = new Date().toISOString();
  const inYears = new Date(Date.now() + 8 * 365 * 86_400_000).toISOString().slice(0, 10);
  const guestEvery = opts.guestEvery ?? 0;
  const acc = (id: string, name: string, email: string, cn: string) => ({
    id,
    name,
    country: 'BG',
    email,
    customer_number: cn,
    password_hash: hash,
    created_at: now,
  });
  const users = Array.from({ length: opts.users }, (_, i) => i);
  const chunk = <T>(list: T[], n = 1000) =>
    Array.from({ length: Math.ceil(list.length / n) }, (_, k) => list.slice(k * n, k * n + n));
  try {
    await store.transaction().execute(async (tx) => {
      await tx
        .insertInto('accounts')
        .values(acc('acc-admin', 'Big Admin', BIG_ADMIN.email, 'C-0'))
        .execute();
      await tx
        .insertInto('organizations')
        .values({
          id: 'org-big',
          name: 'Big Org',
          administrator_id: 'acc-admin',
          customer_number: 'C-0',
          confirmed: 1,
          created_at: now,
        })
        .execute();
      await tx
        .insertInto('purchases')
        .values(
          BIG_PRODUCTS.map((code, p) => ({
            id: `pur-${p}`,
            account_id: 'acc-admin',
            product_code: code,
            quantity: opts.users,
            term: 'annual',
            purchased_at: now,
            expires_at: inYears,
            auto_renew: 0,
          })),
        )
        .execute();
      for (const part of chunk(users)) {
        await tx
          .insertInto('accounts')
          .values(part.map((i) => acc(`acc-${i}`, `User ${i}`, `user${i}@big.test`, `C-${i + 1}`)))
          .execute();
        await tx
          .insertInto('memberships')
          .values(
            part.map((i) => ({
              organization_id: 'org-big',
              account_id: `acc-${i}`,
              role: guestEvery && i % guestEvery === 0 ? ('guest' as const) : ('member' as const),
              joined_at: now,
            })),
          )
          .execute();
        await tx
          .insertInto('assignments')
          .values(
            part.flatMap((i) =>
              BIG_PRODUCTS.map((_, p) => ({
                id: `asg-${i}-${p}`,
                organization_id: 'org-big',
                purchase_id: `pur-${p}`,
                account_id: `acc-${i}`,
                quantity: 1,
                assigned_at: now,
              })),
            ),
          )
          .execute();
        const limited = part.filter((i) => i % 2 === 0);
        if (limited.length)
          await tx
            .insertInto('credit_access')
            .values(
              limited.map((i) => ({
                organization_id: 'org-big',
                account_id: `acc-${i}`,
                mode: 'limit',
                limit_milli: 20000,
                used_milli: 0,
                updated_at: now,
              })),
            )
            .execute();
      }
      const outsiders = Array.from({ length: opts.outsiders ?? 0 }, (_, i) => i);
      for (const part of chunk(outsiders))
        await tx
          .insertInto('accounts')
          .values(part.map((i) => acc(`acc-x${i}`, `Outsider ${i}`, outsiderEmail(i), `C-x${i}`)))
          .execute();
    });
  } finally {
    await store.destroy();
  }
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** `clm cloud` on `dataDir` in its own process, resolved once it listens. */
export function startCloudProcess(
  dataDir: string,
  databaseUrl: string | null = null,
  extraArgs: string[] = [],
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [
      join(root, 'bin/clm.js'),
      ...['cloud', '--port', '0', '--data', dataDir],
      ...(databaseUrl ? ['--database', databaseUrl] : []),
      ...extraArgs,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`clm cloud exited with ${code}`)));
    lines.on('line', (line) => {
      const m = /listening on (http:\/\/\S+)/.exec(line);
      if (m?.[1]) resolve({ child, url: m[1] });
    });
  });
}
