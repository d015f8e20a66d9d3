// `clm cloud --smtp URL` mails the invitation (invitee, role, "Respond to invite"
// link clm://invite/<id>) to a real SMTP peer, and the bulk-invitation status to the administrator.
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
import { orgSeed, PASSWORD } from './helpers.ts';
import { dropStore, freshDatabaseUrl } from '../support/store.ts';
import { within } from '../support/wait.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const ADMIN = 'admin@acme.test';

interface Mail {
  to: string[];
  raw: string;
  /** The raw message with quoted-printable soft breaks and escapes undone. */
  text: string;
}

function decodeQuotedPrintable(raw: string): string {
  const joined = raw.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined[i] === '=' ? joined.slice(i + 1, i + 3) : '';
    if (/^[0-9A-F]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(joined.charCodeAt(i));
  }
  return Buffer.from(bytes).toString('utf8');
}

describe('notification mail over SMTP', () => {
  const mails: Mail[] = [];
  const waiters: Array<() => void> = [];
  let smtp: SMTPServer;
  let cloud: ChildProcess;
  let url = '';
  let dataDir = '';
  const databaseUrl = freshDatabaseUrl();

  const waitFor = (match: (m: Mail) => boolean): Promise<Mail> =>
    within(
      'a mail at the SMTP peer',
      (async () => {
        for (;;) {
          const found = mails.find(match);
          if (found) return found;
          await new Promise<void>((resolve) => waiters.push(resolve));
        }
      })(),
    );

  before(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, done) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          mails.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            raw,
            text: decodeQuotedPrintable(raw),
          });
          for (const w of waiters.splice(0)) w();
          done();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const port = (smtp.server.address() as AddressInfo).port;
    dataDir = mkdtempSync(join(tmpdir(), 'clm-org-mail-'));
    cloud = spawn(
      process.execPath,
      [
        join(root, 'bin/clm.js'),
        'cloud',
        '--port',
        '0',
        '--data',
        dataDir,
        '--seed',
        orgSeed,
        '--smtp',
        `smtp://127.0.0.1:${port}`,
        ...(databaseUrl ? ['--database', databaseUrl] : []),
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const lines = createInterface({ input: cloud.stdout as NodeJS.ReadableStream });
    url = await new Promise<string>((resolve, reject) => {
      cloud.once('exit', (code) => reject(new Error(`clm cloud exited with ${code}`)));
      lines.on('line', (line) => {
        const m = /listening on (http:\/\/\S+)/.exec(line);
        if (m?.[1]) resolve(m[1]);
      });
    });
  });

  after(async () => {
    if (cloud && cloud.exitCode === null) {
      const exited = new Promise((resolve) => cloud.once('exit', resolve));
      cloud.kill('SIGTERM');
      await exited;
    }
    await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    dropStore({ dataDir, databaseUrl });
  });

  async function call<T>(
    email: string,
    path: string,
    body: unknown,
  ): Promise<{ status: number; body: T }> {
    const signIn = await fetch(`${url}/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    const { accessToken } = (await signIn.json()) as { accessToken: string };
    const r = await fetch(url + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      body: JSON.stringify(body),
    });
    return { status: r.status, body: (await r.json()) as T };
  }

  test('the invitation arrives with the invitee, the role and the Respond to invite link', async () => {
    const r = await call<{ value: { invitationId: string } }>(ADMIN, '/v1/org/invitations', {
      email: 'plain@ext.test',
      role: 'guest',
    });
    assert.equal(r.status, 200);
    const id = r.body.value.invitationId;
    const mail = await waitFor((m) => m.to.includes('plain@ext.test'));
    assert.match(mail.text, /^Subject: Invitation to join Acme Visuals/m);
    assert.ok(mail.text.includes('Hello, plain@ext.test'));
    assert.ok(
      mail.text.includes('admin@acme.test has invited you to join their organization as Guest.'),
    );
    assert.ok(
      mail.text.includes(
        "As guest you'll be able to use Chaos products and services assigned to you from the organization as well as your personal licenses.",
      ),
    );
    assert.ok(mail.text.includes('Use the button below to accept or decline the invitation.'));
    assert.ok(mail.text.includes(`Respond to invite: clm://invite/${id}`), 'the plain-text link');
    assert.ok(mail.text.includes(`<a href="clm://invite/${id}"`), 'the HTML button');
    assert.match(mail.text, />Respond to invite<\/a>/);
  });

  test('a bulk invitation mails each invitee and the administrator a link to the status', async () => {
    const r = await call<{ status: string }>(ADMIN, '/v1/org/invitations/batch', {
      invitations: [
        { email: 'plain2@ext.test', role: 'member' },
        { email: 'nobody@ext.test', role: 'member' },
      ],
    });
    assert.equal(r.status, 200);
    const invitee = await waitFor((m) => m.to.includes('plain2@ext.test'));
    assert.ok(
      invitee.text.includes(
        'admin@acme.test has invited you to join their organization as Member.',
      ),
    );
    const status = await waitFor(
      (m) => m.to.includes(ADMIN) && /Status of your invitations/.test(m.text),
    );
    assert.ok(status.text.includes('1 invitation was sent, 1 failed.'));
    assert.ok(status.text.includes('clm://organization/invitations'));
  });

  test('the administrator is mailed when more credits are requested and when an invitee accepts', async () => {
    const r = await call('member1@acme.test', '/v1/credits/request', { amount: 5 });
    assert.equal(r.status, 200);
    const request = await waitFor(
      (m) => m.to.includes(ADMIN) && /requests more cloud credits/.test(m.text),
    );
    assert.ok(request.text.includes('member1@acme.test requests more cloud credits (5 credits).'));
    const accept = await call('pending@ext.test', '/v1/invitations/accept', {
      invitationId: 'inv-accept',
    });
    assert.equal(accept.status, 200);
    const mail = await waitFor((m) => m.to.includes(ADMIN) && /has accepted/.test(m.text));
    assert.ok(
      mail.text.includes(
        'pending@ext.test has accepted the invitation to join your organization as Guest.',
      ),
    );
  });
});
