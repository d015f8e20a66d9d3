// Organization setup (docs/sources.md, Portal guide §II, 001): a commercial license makes an account an organization by
// default; any other account asks, and `clm cloud confirm-org CUSTOMER_NUMBER` confirms it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { startOrgCloud, type OrgCloud } from './helpers.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const clm = (...args: string[]) =>
  spawnSync(process.execPath, [join(root, 'bin/clm.js'), ...args], { encoding: 'utf8' });

describe('organization setup', () => {
  let cloud: OrgCloud;
  before(async () => {
    cloud = await startOrgCloud();
  });
  after(async () => {
    await cloud?.close();
  });

  test('an account with an active commercial license is an administrator by default', async () => {
    const r = await cloud.as('buyer@ext.test', 'POST', '/v1/org/invitations', {
      email: 'plain2@ext.test',
      role: 'member',
    });
    assert.equal(r.status, 200);
    const req = await cloud.as<{ state: string }>('buyer@ext.test', 'POST', '/v1/org/request', {});
    assert.equal(req.body.state, 'confirmed');
    const org = await cloud.as<{ role: string }>('buyer@ext.test', 'GET', '/v1/organization');
    assert.equal(org.body.role, 'administrator');
  });

  test('any other account asks with its customer number and the vendor confirms it', async () => {
    const STUDENT = 'student@ext.test';
    const invite = { email: 'plain@ext.test', role: 'guest' };
    const refused = await cloud.as<{ error: string; message: string }>(
      STUDENT,
      'POST',
      '/v1/org/invitations',
      invite,
    );
    assert.equal(refused.status, 403);
    assert.equal(refused.body.message, 'Only the Administrator of the organization can do this');
    const asked = await cloud.as<{ state: string; message: string }>(
      STUDENT,
      'POST',
      '/v1/org/request',
      {
        name: 'Student Studio',
      },
    );
    assert.equal(asked.status, 200);
    assert.equal(asked.body.state, 'requested');
    assert.match(asked.body.message, /customer number C-2008/);
    assert.equal((await cloud.as(STUDENT, 'POST', '/v1/org/invitations', invite)).status, 403);
    // Until the vendor confirms, the account is nobody's administrator anywhere in the API.
    const pending = await cloud.as<unknown>(STUDENT, 'GET', '/v1/organization');
    assert.equal(pending.body, null);

    const store = [
      '--data',
      cloud.dataDir,
      ...(cloud.databaseUrl ? ['--database', cloud.databaseUrl] : []),
    ];
    const unknown = clm('cloud', 'confirm-org', 'C-9999', ...store);
    assert.equal(unknown.status, 1);
    assert.match(unknown.stderr, /No account has the customer number C-9999/);
    const done = clm('cloud', 'confirm-org', 'C-2008', ...store, '--json');
    assert.equal(done.status, 0, done.stderr);
    const answer = JSON.parse(done.stdout) as { administratorEmail: string; created: boolean };
    assert.equal(answer.administratorEmail, STUDENT);
    assert.equal(answer.created, false);

    const invited = await cloud.as(STUDENT, 'POST', '/v1/org/invitations', invite);
    assert.equal(invited.status, 200);
    const confirmed = await cloud.as<{ role: string }>(STUDENT, 'GET', '/v1/organization');
    assert.equal(confirmed.body.role, 'administrator');
    const audit = await cloud.as<Array<{ operation: string; via: string }>>(
      STUDENT,
      'GET',
      '/v1/org/audit',
    );
    assert.deepEqual(
      audit.body.map((e) => [e.operation, e.via]),
      [
        ['invite', 'rest'],
        ['confirmOrganization', 'cli'],
      ],
    );
  });

  test('a Member or Guest of an organization cannot have one of their own', async () => {
    const r = await cloud.as<{ error: string; message: string }>(
      'member1@acme.test',
      'POST',
      '/v1/org/request',
      {},
    );
    assert.equal(r.status, 409);
    assert.equal(
      r.body.message,
      'You are a Member of Acme Visuals. One account can have only one organization.',
    );
  });
});
