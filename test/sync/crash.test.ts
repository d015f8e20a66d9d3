// Kill -9 of a real core process in the middle of an outbox flush of 1,000
// mutations and in the middle of a pull; after a restart on the same data dir every mutation is
// applied exactly once in the cloud (rows counted in its SQLite file) and the replica equals the cloud.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, test } from 'node:test';
import Database from 'better-sqlite3';
import { startCloudServer } from '../../src-cloud/server.ts';
import { REPLICA_FILE } from '../../src-main/store/replica.ts';
import type { PullAnswer } from '../../src-shared/cloud-api/sync.ts';
import { root } from '../core/helpers.ts';
import { BIG_ADMIN, buildBigOrg } from '../support/big-org.ts';
import { databaseUrlOf } from '../core/helpers.ts';
import { freshDatabaseUrl, queryStore } from '../support/store.ts';
import { ADMIN, cloudReader, removeTempDirs, startCloud, tempDir } from './helpers.ts';

after(removeTempDirs);

const MUTATIONS = 1000;
const runnerFile = join(root, 'test', 'sync', 'crash-runner.ts');

interface Runner {
  child: ChildProcess;
  /** Resolves with the first line (seen or to come) matching `re`; rejects if the process ends first. */
  line(re: RegExp): Promise<RegExpExecArray>;
  exited: Promise<number | null>;
  output(): string;
}

function runner(args: string[]): Runner {
  const child = spawn(process.execPath, ['--import', 'tsx', runnerFile, ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let err = '';
  const waiters: { re: RegExp; resolve: (m: RegExpExecArray) => void }[] = [];
  child.stderr?.on('data', (b: Buffer) => (err += b.toString()));
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (l) => {
    lines.push(l);
    for (const w of [...waiters]) {
      const m = w.re.exec(l);
      if (m) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(m);
      }
    }
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  const output = () => `stdout:\n${lines.join('\n')}\nstderr:\n${err}`;
  return {
    child,
    exited,
    output,
    line(re) {
      for (const l of lines) {
        const m = re.exec(l);
        if (m) return Promise.resolve(m);
      }
      return new Promise((resolve, reject) => {
        waiters.push({ re, resolve });
        void exited.then(() => reject(new Error(`runner ended before ${re}\n${output()}`)));
      });
    },
  };
}

async function kill9(r: Runner): Promise<void> {
  r.child.kill('SIGKILL');
  await r.exited;
}

/** Runs the runner to its end; asserts it synced with nothing left in the outbox. */
async function resume(dataDir: string, cloudUrl: string): Promise<void> {
  const r = runner(['resume', '--data', dataDir, '--cloud', cloudUrl]);
  const m = await r.line(/^synced (.*)$/);
  assert.equal(await r.exited, 0, r.output());
  assert.deepEqual(JSON.parse(m[1] as string), { pending: 0, failed: 0, online: true });
}

type Rows = Map<string, string>;

/** The replica's org rows and cursor, read from its file (the process that wrote it is gone). */
function replicaState(dataDir: string) {
  const db = new Database(join(dataDir, REPLICA_FILE), { readonly: true });
  try {
    const meta = (k: string) =>
      (db.prepare('SELECT value FROM meta WHERE key = ?').get(k) as { value: string } | undefined)
        ?.value;
    const rows: Rows = new Map();
    for (const r of db.prepare('SELECT tbl, key, data FROM feed_rows').all() as {
      tbl: string;
      key: string;
      data: string;
    }[])
      rows.set(`${r.tbl}/${r.key}`, r.data);
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    return {
      cursor: Number(meta('feed_cursor') ?? 0),
      clientId: meta('client_id') ?? '',
      rows,
      outbox: count('SELECT count(*) AS n FROM outbox'),
      optimistic: count('SELECT count(*) AS n FROM optimistic'),
    };
  } finally {
    db.close();
  }
}

/** The organization as the cloud answers the administrator's full pull, keyed like the replica. */
async function cloudState(url: string, email: string, password: string) {
  const reader = await cloudReader(url, email, password);
  const answer = await reader.get<PullAnswer>('/v1/pull?cursor=0');
  const rows: Rows = new Map();
  for (const [tbl, list] of Object.entries(answer.changes) as [string, Record<string, unknown>[]][])
    for (const row of list)
      rows.set(
        `${tbl}/${String(row[tbl === 'creditAccess' ? 'userId' : 'id'])}`,
        JSON.stringify(row),
      );
  return { cursor: answer.cursor, rows, reader };
}

/** Equal row sets, or the first few differences (60,000 rows make a poor assertion message). */
function differences(a: Rows, b: Rows): string[] {
  const out: string[] = [];
  for (const [k, v] of a) if (b.get(k) !== v) out.push(`${k}: ${v} ≠ ${b.get(k) ?? 'missing'}`);
  for (const k of b.keys()) if (!a.has(k)) out.push(`${k}: missing ≠ ${b.get(k)}`);
  return out.slice(0, 5);
}

function cloudCounts(cloudDir: string, clientId: string) {
  const store = { dataDir: cloudDir, databaseUrl: databaseUrlOf(cloudDir) };
  const n = (sql: string, ...p: string[]) =>
    Number(queryStore<{ n: number }>(store, sql, ...p)[0]?.n ?? 0);
  return {
    mutations: n('SELECT count(*) AS n FROM sync_mutations WHERE client_id = ?', clientId),
    accepted: n(
      `SELECT count(*) AS n FROM sync_mutations WHERE client_id = ? AND status = 'accepted'`,
      clientId,
    ),
    distinct: n(
      'SELECT count(DISTINCT mutation_id) AS n FROM sync_mutations WHERE client_id = ?',
      clientId,
    ),
    audit: n(
      `SELECT count(*) AS n FROM audit_log WHERE via = 'mutation' AND operation = 'setCreditAccess'`,
    ),
    notifications: n('SELECT count(*) AS n FROM notifications'),
    mails: n('SELECT count(*) AS n FROM mail_outbox'),
  };
}

test('kill -9 in the middle of a flush of 1,000 mutations: each is applied exactly once', async (t) => {
  const cloudDir = tempDir('crash-cloud');
  const dataDir = tempDir('crash-core');
  const cloud = await startCloud(cloudDir);
  try {
    const before = cloudCounts(cloudDir, '');
    const r = runner([
      'flush',
      ...['--data', dataDir, '--cloud', cloud.url],
      ...['--email', ADMIN.email, '--password', ADMIN.password, '--count', String(MUTATIONS)],
    ]);
    assert.equal((await r.line(/^queued (\d+)$/))[1], String(MUTATIONS), r.output());
    // The first batch is answered and recorded; the next one is on its way to the cloud.
    const pushed = Number((await r.line(/^pushed (\d+) of/))[1]);
    await kill9(r);
    assert.ok(pushed > 0 && pushed < MUTATIONS, `killed after ${pushed} were answered`);

    const killed = replicaState(dataDir);
    // A row leaves the outbox only once the cloud answered it.
    assert.equal(killed.outbox, MUTATIONS - pushed, 'unanswered mutations are still queued');
    const mid = cloudCounts(cloudDir, killed.clientId);
    // Usually the cloud finishes the batch the dead process sent: the restart's push of those
    // ids must answer their stored outcomes instead of applying them again.
    t.diagnostic(`at the kill: ${pushed} answered, the cloud had applied ${mid.mutations}`);

    await resume(dataDir, cloud.url);

    const after = cloudCounts(cloudDir, killed.clientId);
    assert.equal(after.mutations, MUTATIONS, 'one stored outcome per mutation');
    assert.equal(after.distinct, MUTATIONS);
    assert.equal(after.accepted, MUTATIONS, 'every mutation accepted');
    assert.equal(after.audit - before.audit, MUTATIONS, 'one audit entry per mutation');
    assert.equal(after.notifications - before.notifications, MUTATIONS, 'one notification each');
    assert.equal(after.mails - before.mails, MUTATIONS, 'one mail each');

    const replica = replicaState(dataDir);
    assert.equal(replica.outbox, 0, 'the outbox is empty');
    assert.equal(replica.optimistic, 0, 'no optimistic effect is left over');
    const state = await cloudState(cloud.url, ADMIN.email, ADMIN.password);
    assert.equal(replica.cursor, state.cursor);
    assert.deepEqual(differences(replica.rows, state.rows), [], 'the replica equals the cloud');

    // The last change to each member wins, in the order they were made.
    const { users } = await state.reader.get<{
      users: { id: string; role: string; creditAccess: { limit: number | null } }[];
    }>('/v1/org/users');
    const members = users.filter((u) => u.role === 'member');
    const limits = members.map((u) => u.creditAccess.limit).sort((a, b) => Number(a) - Number(b));
    const expected = Array.from({ length: members.length }, (_, j) => {
      const last = MUTATIONS - 1 - ((MUTATIONS - 1 - j) % members.length);
      return 1000 + last;
    }).sort((a, b) => a - b);
    assert.deepEqual(limits, expected);
  } finally {
    await cloud.close();
  }
});

test('kill -9 in the middle of a pull: the replica keeps the old cursor and rows or has the new', async (t) => {
  const cloudDir = tempDir('crash-big-cloud');
  const dataDir = tempDir('crash-big-core');
  const databaseUrl = freshDatabaseUrl();
  await buildBigOrg(cloudDir, { users: 5000 }, databaseUrl);
  const cloud = await startCloudServer({ port: 0, dataDir: cloudDir, databaseUrl });
  try {
    const args = ['--data', dataDir, '--cloud', cloud.url];
    const login = ['--email', BIG_ADMIN.email, '--password', BIG_ADMIN.password];

    // 1. The first pull (a reset of 5,000 users and 25,000 assignments) is killed mid-write.
    const first = runner(['pull', ...args, ...login]);
    await first.line(/^applying pull$/);
    await kill9(first);
    let full = await cloudState(cloud.url, BIG_ADMIN.email, BIG_ADMIN.password);
    let killed = replicaState(dataDir);
    const empty = killed.cursor === 0 && killed.rows.size === 0;
    const whole = killed.cursor === full.cursor && differences(killed.rows, full.rows).length === 0;
    assert.ok(empty || whole, `cursor ${killed.cursor} with ${killed.rows.size} rows`);
    t.diagnostic(`first pull killed: replica ${empty ? 'still empty' : 'already complete'}`);

    await resume(dataDir, cloud.url);
    let replica = replicaState(dataDir);
    assert.equal(replica.cursor, full.cursor);
    assert.deepEqual(differences(replica.rows, full.rows), [], 'the replica equals the cloud');

    // 2. An incremental pull of 5,000 changed rows is killed mid-write.
    const old = replica;
    const userIds = Array.from({ length: 5000 }, (_, i) => `acc-${i}`);
    const changed = await full.reader.post<{ status: string }>('/v1/org/credit-access', {
      userIds,
      access: { mode: 'limit', limit: 7 },
    });
    assert.equal(changed.status, 'accepted');
    const second = runner(['pull', ...args, ...login]);
    await second.line(/^applying pull$/);
    await kill9(second);
    full = await cloudState(cloud.url, BIG_ADMIN.email, BIG_ADMIN.password);
    killed = replicaState(dataDir);
    const wasOld = killed.cursor === old.cursor && differences(killed.rows, old.rows).length === 0;
    const isNew = killed.cursor === full.cursor && differences(killed.rows, full.rows).length === 0;
    assert.ok(wasOld || isNew, `cursor ${killed.cursor}: neither the old state nor the new`);
    t.diagnostic(
      `incremental pull killed: replica ${wasOld ? 'kept the old state' : 'has the new'}`,
    );

    await resume(dataDir, cloud.url);
    replica = replicaState(dataDir);
    assert.equal(replica.cursor, full.cursor);
    assert.deepEqual(differences(replica.rows, full.rows), [], 'the replica equals the cloud');
  } finally {
    await cloud.close();
  }
});
