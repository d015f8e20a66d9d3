// The refresh token round-trips through the real keychain and never lands in SQLite, files or logs.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import keytar from 'keytar';
import type { CloudServer } from '../../src-cloud/server.ts';
import { KEYCHAIN_SERVICE } from '../../src-main/credentials/credential-store.ts';
import type { Core } from '../../src-main/core/core.ts';
import {
  ADMIN,
  filesContaining,
  haveKeyring,
  openCore,
  removeTempDirs,
  startCloud,
  tempDir,
} from './helpers.ts';

let cloud: CloudServer;
before(async () => {
  cloud = await startCloud(tempDir('cloud'));
});
after(async () => {
  await cloud.close();
  removeTempDirs();
});

async function entryFor(
  dataDir: string,
): Promise<{ account: string; password: string } | undefined> {
  const all = await keytar.findCredentials(KEYCHAIN_SERVICE);
  return all.find((c) => c.account.includes(dataDir));
}

test(
  'the refresh token lives in the keychain only, rotates there, and sign-out removes it',
  { skip: !haveKeyring && 'needs gnome-keyring under dbus-run-session (npm test)' },
  async () => {
    const dataDir = tempDir('core');
    const lines: string[] = [];
    let core: Core | null = await openCore({ dataDir, cloudUrl: cloud.url }, lines);
    try {
      assert.equal(core.session().credentialStorage, 'keychain');
      assert.equal(core.session().credentialNotice, undefined);

      const state = await core.signIn(ADMIN.email, ADMIN.password);
      assert.equal(state.signedIn, true);
      assert.equal(state.account?.email, ADMIN.email);
      assert.equal(state.sync.online, true);
      assert.ok(state.sync.lastSyncAt, 'the first pull ran');
      assert.ok(core.licenses().length > 0, 'the Licensing view reads the replica');

      const first = await entryFor(dataDir);
      assert.ok(first, 'a keychain entry exists for this data folder');
      assert.match(first.account, new RegExp(ADMIN.email.replace('.', '\\.')));
      const tokens = [first.password];

      // A refresh rotates the token; the new one replaces the old in the keychain at once.
      await core.client.refresh();
      const second = await entryFor(dataDir);
      assert.ok(second);
      assert.notEqual(second.password, first.password);
      tokens.push(second.password);
      await core.syncNow();

      // While the core is open (WAL not yet checkpointed) and after it closed.
      for (const t of tokens) assert.deepEqual(filesContaining(dataDir, t), [], 'token in a file');
      await core.close();
      core = null;
      for (const t of tokens) {
        assert.deepEqual(filesContaining(dataDir, t), [], 'token in a file');
        assert.ok(!lines.some((l) => l.includes(t)), 'token in the log output');
      }
      assert.ok(existsSync(join(dataDir, 'logs', 'core.log')));
      assert.ok(
        lines.some((l) => l.includes('signed in')),
        'the log output was captured',
      );

      // A restart signs in silently with the stored token (which rotates again).
      core = await openCore({ dataDir, cloudUrl: cloud.url }, lines);
      assert.equal(core.session().signedIn, true);
      assert.equal(core.session().sync.online, true);
      const third = await entryFor(dataDir);
      assert.ok(third && !tokens.includes(third.password), 'the silent refresh stored a new token');
      tokens.push(third.password);

      const out = await core.signOut();
      assert.equal(out.signedIn, false);
      assert.equal(await entryFor(dataDir), undefined, 'sign-out deleted the keychain entry');
      assert.equal(core.replica.account(), null);
      assert.deepEqual(core.replica.licenses(), []);
      await core.close();
      core = null;
      assert.deepEqual(
        filesContaining(dataDir, ADMIN.email).filter((f) => f.includes('replica')),
        [],
        'the replica forgot the account',
      );
      for (const t of tokens)
        assert.ok(!lines.some((l) => l.includes(t)), 'token in the log output');

      // The revoked token is refused by the cloud: sign-out really signed out.
      const res = await fetch(`${cloud.url}/v1/auth/refresh`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ refreshToken: tokens[tokens.length - 1] }),
      });
      assert.equal(res.status, 401);
    } finally {
      await core?.close();
    }
  },
);

test(
  'another account signing in wipes the previous account from the replica',
  { skip: !haveKeyring && 'needs the keychain' },
  async () => {
    const dataDir = tempDir('core');
    const core = await openCore({ dataDir, cloudUrl: cloud.url });
    try {
      await core.signIn(ADMIN.email, ADMIN.password);
      const adminLicenses = core.licenses().map((l) => l.id);
      const seed = (await import('../../resources/demo-seed.json', { with: { type: 'json' } }))
        .default as {
        demoAccounts: { email: string; password: string }[];
      };
      const other = seed.demoAccounts.find((a) => a.email !== ADMIN.email);
      assert.ok(other);
      const state = await core.signIn(other.email, other.password);
      assert.equal(state.account?.email, other.email);
      const entries = (await keytar.findCredentials(KEYCHAIN_SERVICE)).filter((c) =>
        c.account.includes(dataDir),
      );
      assert.equal(entries.length, 1, 'one credential per data folder');
      assert.ok(entries[0]?.account.startsWith(other.email));
      assert.notDeepEqual(
        core.licenses().map((l) => l.id),
        adminLicenses,
      );
      assert.equal(core.replica.account()?.email, other.email);
    } finally {
      await core.signOut();
      await core.close();
    }
  },
);
