// Where no OS keychain answers, the app says so and keeps the credential in memory, unless the
// operator opts in to a file readable only by its user (--credential-file, mode 0600).
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { CloudServer } from '../../src-cloud/server.ts';
import { NO_KEYCHAIN_NOTICE } from '../../src-main/credentials/credential-store.ts';
import type { SessionState } from '../../src-shared/domain/session.ts';
import { startServe, type ServeProcess } from '../headless/serve-process.ts';
import { ADMIN, filesContaining, removeTempDirs, startCloud, tempDir } from './helpers.ts';

/** A headless Linux server: no D-Bus session, no display. */
const noBus: NodeJS.ProcessEnv = { ...process.env };
delete noBus.DBUS_SESSION_BUS_ADDRESS;
delete noBus.DISPLAY;
delete noBus.WAYLAND_DISPLAY;

const NOTICE =
  'No OS keychain is available: you will have to sign in again after a restart. Start with --credential-file to keep it in a file readable only by you.';

let cloud: CloudServer;
before(async () => {
  cloud = await startCloud(tempDir('cloud'));
});
after(async () => {
  await cloud.close();
  removeTempDirs();
});

test(
  'without a keychain the credential stays in memory, and the app says so',
  { timeout: 60_000 },
  async () => {
    assert.equal(NO_KEYCHAIN_NOTICE, NOTICE);
    const dataDir = tempDir('core');
    const app = await startServe(['--data', dataDir, '--cloud', cloud.url], noBus);
    try {
      assert.ok(app.stderr().includes(NOTICE) || (await waitForStderr(app, NOTICE)));
      const before = await app.call<SessionState>('session.get');
      assert.ok(before.ok);
      assert.equal(before.value.credentialStorage, 'memory');
      assert.equal(before.value.credentialNotice, NOTICE);
      const signedIn = await app.call<SessionState>('session.signIn', ADMIN);
      assert.ok(signedIn.ok, JSON.stringify(signedIn));
      assert.equal(signedIn.value.signedIn, true);
      assert.equal(signedIn.value.credentialNotice, NOTICE);
    } finally {
      assert.equal(await app.stop(), 0);
    }
    // After a restart the session is gone (memory only), as the notice said.
    const again = await startServe(['--data', dataDir, '--cloud', cloud.url], noBus);
    try {
      const s = await again.call<SessionState>('session.get');
      assert.ok(s.ok);
      assert.equal(s.value.signedIn, false);
    } finally {
      await again.stop();
    }
  },
);

test(
  '--credential-file keeps the credential in a 0600 file and survives a restart',
  { timeout: 60_000 },
  async () => {
    const dataDir = tempDir('core');
    const credentialFile = join(tempDir('secrets'), 'clm-credential');
    const app = await startServe(
      ['--data', dataDir, '--cloud', cloud.url, '--credential-file', credentialFile],
      noBus,
    );
    try {
      assert.equal(statSync(credentialFile).mode & 0o777, 0o600, 'created with mode 0600');
      const signedIn = await app.call<SessionState>('session.signIn', ADMIN);
      assert.ok(signedIn.ok, JSON.stringify(signedIn));
      assert.equal(signedIn.value.credentialStorage, 'file');
      assert.equal(statSync(credentialFile).mode & 0o777, 0o600, 'still 0600 after writing');
    } finally {
      await app.stop();
    }
    const entries = JSON.parse(readFileSync(credentialFile, 'utf8')) as Record<string, string>;
    // The UI session's refresh token, and (once it activated) the license server's own entries:
    // its session, its machine key and the pinned cloud key (docs/activation.md).
    const keys = Object.keys(entries);
    assert.equal(keys.filter((k) => k.startsWith(`${ADMIN.email} @ `)).length, 1, keys.join());
    assert.ok(
      keys.every((k) => k.startsWith(`${ADMIN.email} @ `) || k.startsWith('license server')),
      keys.join(),
    );
    const stored = Object.values(entries);
    for (const token of stored) {
      assert.deepEqual(
        filesContaining(dataDir, token),
        [],
        'a token is only in the credential file',
      );
    }

    const again = await startServe(
      ['--data', dataDir, '--cloud', cloud.url, '--credential-file', credentialFile],
      noBus,
    );
    try {
      const s = await again.call<SessionState>('session.get');
      assert.ok(s.ok);
      assert.equal(s.value.signedIn, true, 'signed in silently from the file');
    } finally {
      await again.stop();
    }
  },
);

test(
  'a credential file readable by others is refused with a clear message',
  { timeout: 60_000 },
  async () => {
    const dataDir = tempDir('core');
    const credentialFile = join(tempDir('secrets'), 'loose');
    const { writeFileSync, chmodSync } = await import('node:fs');
    writeFileSync(credentialFile, '{}');
    chmodSync(credentialFile, 0o644);
    await assert.rejects(
      startServe(
        ['--data', dataDir, '--cloud', cloud.url, '--credential-file', credentialFile],
        noBus,
      ),
      /has mode 644; it must be readable only by you \(chmod 600/,
    );
  },
);

async function waitForStderr(app: ServeProcess, text: string): Promise<boolean> {
  if (app.stderr().includes(text)) return true;
  return new Promise((resolve) => {
    const on = () => {
      if (app.stderr().includes(text)) {
        app.child.stderr?.off('data', on);
        resolve(true);
      }
    };
    app.child.stderr?.on('data', on);
  });
}
