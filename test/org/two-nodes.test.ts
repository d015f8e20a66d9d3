// Two `clm cloud` processes on one store (issue 21): the same mutation batch sent
// to both at once is applied once, and the mail outbox is delivered once although both nodes'
// mailers drain it. Runs on SQLite (one file) and, in the PostgreSQL pass, on one database.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { SMTPServer } from 'smtp-server';
import type { PushResponse } from '../../src-shared/org/mutations.ts';
import { dropStore, freshDatabaseUrl, queryStore, type TestStore } from '../support/store.ts';
import { eventually } from '../support/wait.ts';
import { orgSeed, PASSWORD } from './helpers.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const ADMIN = 'admin@acme.test';

interface Node {
  child: ChildProcess;
  url: string;
}

function startNode(store: TestStore, smtpPort: number): Promise<Node> {
  const child = spawn(
    process.execPath,
    [
      join(root, 'bin/clm.js'),
      'cloud',
      ...['--port', '0', '--data', store.dataDir, '--seed', orgSeed],
      ...(store.databaseUrl ? ['--database', store.databaseUrl] : []),
      ...['--smtp', `smtp://127.0.0.1:${smtpPort}`],
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

async function stopNode(node: Node | undefined): Promise<void> {
  if (!node || node.child.exitCode !== null) return;
  const exited = new Promise((resolve) => node.child.once('exit', resolve));
  node.child.kill('SIGTERM');
  await exited;
}

async function token(url: string): Promise<string> {
  const r = await fetch(`${url}/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: ADMIN, password: PASSWORD }),
  });
  return ((await r.json()) as { accessToken: string }).accessToken;
}

async function post<T>(
  url: string,
  path: string,
  body: unknown,
): Promise<{ status: number; body: T }> {
  const r = await fetch(url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await token(url)}` },
    body: JSON.stringify(body),
  });
  return { status: r.status, body: (await r.json()) as T };
}

describe('two cloud nodes on one store', () => {
  const received: string[] = [];
  let smtp: SMTPServer;
  let store: TestStore;
  let a: Node | undefined;
  let b: Node | undefined;
  const count = (sqlText: string) => Number(queryStore<{ n: number }>(store, sqlText)[0]?.n ?? 0);

  before(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, done) {
        stream.on('data', () => undefined);
        stream.on('end', () => {
          received.push(...session.envelope.rcptTo.map((r) => r.address));
          done();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const port = (smtp.server.address() as AddressInfo).port;
    store = {
      dataDir: mkdtempSync(join(tmpdir(), 'clm-two-nodes-')),
      databaseUrl: freshDatabaseUrl(),
    };
    // The first node migrates and seeds; the second finds the store ready.
    a = await startNode(store, port);
    b = await startNode(store, port);
  });

  after(async () => {
    await Promise.all([stopNode(a), stopNode(b)]);
    await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
    dropStore(store);
    rmSync(store.dataDir, { recursive: true, force: true });
  });

  test('the same mutation batch sent to both nodes at once is applied once', async () => {
    assert.ok(a && b);
    const batch = {
      clientId: 'desk-twice',
      mutations: [
        { id: 1, name: 'invite', args: { email: 'plain@ext.test', role: 'member' } },
        {
          id: 2,
          name: 'setCreditAccess',
          args: { userIds: ['acc-m1'], access: { mode: 'unlimited' } },
        },
      ],
    };
    const before = count("SELECT count(*) AS n FROM invitations WHERE email = 'plain@ext.test'");
    const [x, y] = await Promise.all([
      post<PushResponse>(a.url, '/v1/mutations', batch),
      post<PushResponse>(b.url, '/v1/mutations', batch),
    ]);
    assert.equal(x.status, 200, JSON.stringify(x.body));
    assert.equal(y.status, 200, JSON.stringify(y.body));
    assert.deepEqual(x.body, y.body, 'both nodes answer the same stored outcomes');
    assert.deepEqual(
      x.body.results.map((r) => r.status),
      ['accepted', 'accepted'],
    );
    assert.equal(
      count("SELECT count(*) AS n FROM invitations WHERE email = 'plain@ext.test'"),
      before + 1,
      'one invitation',
    );
    assert.equal(
      count("SELECT count(*) AS n FROM sync_mutations WHERE client_id = 'desk-twice'"),
      2,
    );
    assert.equal(
      count("SELECT count(*) AS n FROM audit_log WHERE via = 'mutation' AND operation = 'invite'"),
      1,
      'one audit entry',
    );
  });

  test('mail queued through both nodes at once is delivered once', async () => {
    assert.ok(a && b);
    const emails = ['plain2@ext.test', 'buyer@ext.test', 'trialer@ext.test', 'student@ext.test'];
    const send = (url: string, part: string[]) =>
      post(url, '/v1/org/invitations/batch', {
        invitations: part.map((email) => ({ email, role: 'guest' })),
      });
    // Two processes writing one SQLite file at once may meet SQLITE_BUSY (several nodes are a
    // PostgreSQL deployment, docs/cloud-scaling.md): there the writes go one after the other,
    // and both nodes' mailers still drain the outbox at the same time.
    const answers = store.databaseUrl
      ? await Promise.all([send(a.url, emails.slice(0, 2)), send(b.url, emails.slice(2))])
      : [await send(a.url, emails.slice(0, 2)), await send(b.url, emails.slice(2))];
    for (const r of answers) assert.equal(r.status, 200, JSON.stringify(r.body));
    await eventually('every queued mail sent', () =>
      count("SELECT count(*) AS n FROM mail_outbox WHERE status <> 'sent'") === 0 ? true : null,
    );
    const queued = count('SELECT count(*) AS n FROM mail_outbox');
    assert.ok(queued >= emails.length + 1, `${queued} mails queued`);
    await eventually('the SMTP peer received every mail', () => received.length >= queued);
    for (const email of [...emails, 'plain@ext.test'])
      assert.equal(
        received.filter((r) => r === email).length,
        1,
        `${email} got one invitation mail`,
      );
    assert.equal(received.length, queued, 'no mail was sent twice');
  });
});
