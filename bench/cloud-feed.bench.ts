// The cloud's change feed and mutation path at organization scale: an organization of 10,000 users
// and 50,000 assignments built directly in a temp database, then measured over real HTTP against
// `clm cloud` in its own process: a full pull (< 300 ms) and a batch of 1,000 invitations (< 500 ms).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { hashPassword } from '../src-cloud/auth/passwords.ts';
import { DB_FILE, openStore } from '../src-cloud/store/db.ts';
import { atMost, info, type Bench } from './lib.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const USERS = 10_000;
const PURCHASES = 5;
const INVITE_BATCH = 1_000;
const INVITE_ROUNDS = 3;
const PULL_ROUNDS = 7;
const ADMIN = 'admin@bench.test';
const PASSWORD = 'bench-password';

async function buildOrganization(dataDir: string): Promise<void> {
  const store = await openStore(dataDir); // creates the schema with every migration
  await store.destroy();
  const hash = await hashPassword(PASSWORD);
  const db = new Database(join(dataDir, DB_FILE));
  const now = new Date().toISOString();
  const account = db.prepare(
    `insert into accounts (id, name, country, email, customer_number, password_hash, created_at)
     values (?, ?, 'BG', ?, ?, ?, ?)`,
  );
  const member = db.prepare(
    `insert into memberships (organization_id, account_id, role, joined_at) values ('org-bench', ?, ?, ?)`,
  );
  const purchase = db.prepare(
    `insert into purchases (id, account_id, product_code, quantity, term, purchased_at, expires_at)
     values (?, 'acc-admin', ?, ?, 'annual', ?, '2035-01-01')`,
  );
  const assignment = db.prepare(
    `insert into assignments (id, organization_id, purchase_id, account_id, quantity, assigned_at)
     values (?, 'org-bench', ?, ?, 1, ?)`,
  );
  const access = db.prepare(
    `insert into credit_access (organization_id, account_id, mode, limit_milli, used_milli, updated_at)
     values ('org-bench', ?, 'limit', 20000, 0, ?)`,
  );
  db.transaction(() => {
    account.run('acc-admin', 'Bench Admin', ADMIN, 'C-0', hash, now);
    db.prepare(
      `insert into organizations (id, name, administrator_id, customer_number, confirmed, created_at)
       values ('org-bench', 'Bench Org', 'acc-admin', 'C-0', 1, ?)`,
    ).run(now);
    const products = ['vray-3dsmax', 'vray-maya', 'phoenix-3dsmax', 'enscape', 'corona-3dsmax'];
    for (let p = 0; p < PURCHASES; p++) purchase.run(`pur-${p}`, products[p], USERS, now);
    for (let i = 0; i < USERS; i++) {
      const id = `acc-${i}`;
      account.run(id, `User ${i}`, `user${i}@bench.test`, `C-${i + 1}`, hash, now);
      member.run(id, i % 5 === 0 ? 'guest' : 'member', now);
      for (let p = 0; p < PURCHASES; p++) assignment.run(`asg-${i}-${p}`, `pur-${p}`, id, now);
      if (i % 2 === 0) access.run(id, now);
    }
    // Accounts outside the organization for the invitation batches.
    for (let i = 0; i < INVITE_BATCH * INVITE_ROUNDS; i++)
      account.run(`acc-x${i}`, `Outsider ${i}`, `outsider${i}@bench.test`, `C-x${i}`, hash, now);
  })();
  db.close();
}

function startCloud(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [join(root, 'bin/clm.js'), 'cloud', '--port', '0', '--data', dataDir],
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

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

const bench: Bench = async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'clm-feed-bench-'));
  let child: ChildProcess | undefined;
  try {
    await buildOrganization(dataDir);
    const cloud = await startCloud(dataDir);
    child = cloud.child;
    const signIn = await fetch(`${cloud.url}/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: ADMIN, password: PASSWORD }),
    });
    const { accessToken } = (await signIn.json()) as { accessToken: string };
    const auth = { authorization: `Bearer ${accessToken}` };

    // Full pull: the time from request to the last byte of the answer, median of several.
    const pulls: number[] = [];
    let bytes = 0;
    let cursor = 0;
    for (let i = 0; i < PULL_ROUNDS + 1; i++) {
      const t0 = performance.now();
      const r = await fetch(`${cloud.url}/v1/pull?cursor=0`, { headers: auth });
      const text = await r.text();
      const ms = performance.now() - t0;
      if (r.status !== 200) throw new Error(`pull answered ${r.status}: ${text.slice(0, 200)}`);
      if (i > 0) pulls.push(ms); // the first warms the caches
      bytes = text.length;
      const answer = JSON.parse(text) as {
        cursor: number;
        changes: { users: unknown[]; assignments: unknown[] };
      };
      if (
        answer.changes.users.length !== USERS ||
        answer.changes.assignments.length !== USERS * PURCHASES
      )
        throw new Error('the full pull is missing rows');
      cursor = answer.cursor;
    }

    // Batches of 1,000 invitations, each applied in one transaction.
    const batches: number[] = [];
    for (let round = 0; round < INVITE_ROUNDS; round++) {
      const invitations = Array.from({ length: INVITE_BATCH }, (_, i) => ({
        email: `outsider${round * INVITE_BATCH + i}@bench.test`,
        role: 'member',
      }));
      const body = JSON.stringify({ invitations });
      const t0 = performance.now();
      const r = await fetch(`${cloud.url}/v1/org/invitations/batch`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body,
      });
      const answer = (await r.json()) as { value?: { sent: number } };
      batches.push(performance.now() - t0);
      if (r.status !== 200 || answer.value?.sent !== INVITE_BATCH)
        throw new Error(
          `invitation batch answered ${r.status}: ${JSON.stringify(answer).slice(0, 200)}`,
        );
    }

    const t0 = performance.now();
    const inc = await fetch(`${cloud.url}/v1/pull?cursor=${cursor}`, { headers: auth });
    const incText = await inc.text();
    const incMs = performance.now() - t0;
    const incRows = (JSON.parse(incText) as { changes: { invitations: unknown[] } }).changes
      .invitations.length;

    return [
      atMost(
        'cloud feed: full pull of 10,000 users + 50,000 assignments (median)',
        median(pulls),
        'ms',
        300,
      ),
      info('cloud feed: full pull size', bytes / 1e6, 'MB'),
      atMost(
        'cloud mutations: batch of 1,000 invitations applied (median)',
        median(batches),
        'ms',
        500,
      ),
      info(
        `cloud feed: incremental pull of ${incRows} new invitations + their notifications`,
        incMs,
        'ms',
      ),
    ];
  } finally {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child?.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
};

export default bench;
