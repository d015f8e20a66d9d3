// `clm settings` (issue 12, docs/sources.md, Online licensing "Settings and proxy") on a data folder: a round trip of
// every field, the proxy password kept in the credential file and never in settings.json, bad
// input refused with its reason and nothing changed; then the app opened on that folder with no
// flags reaches the saved cloud through the saved proxy (the cloud's name resolves only there).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createBridgeHandlers } from '../../src-main/bridge/handlers.ts';
import { dispatch } from '../../src-shared/bridge/dispatch.ts';
import { startTestCloud, type TestCloud } from '../cloud/helpers.ts';
import { openCore, removeTempDirs, tempDir } from '../core/helpers.ts';
import { root } from '../e2e/harness.ts';
import { startTestProxy, type TestProxy } from '../support/proxy.ts';
import { ADMIN, PASSWORD } from './helpers.ts';

const cli = join(root, 'dist', 'cli.js');
const SECRET = 'pr0xy-pass-5521';
let cloud: TestCloud;
let proxy: TestProxy;

before(async () => {
  cloud = await startTestCloud();
  proxy = await startTestProxy({ 'cloud.invalid': '127.0.0.1' });
});
after(async () => {
  await proxy.close();
  await cloud.close();
  removeTempDirs();
});

function clm(args: string[], stdin?: string): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [cli, ...args], { cwd: root }, (e, out, err) =>
      resolve({ code: e ? Number(e.code ?? 1) : 0, out, err }),
    );
    child.stdin?.end(stdin ?? '');
  });
}

test('clm settings: round trip, password outside the file, bad input changes nothing, the app follows', async () => {
  const data = tempDir('settings');
  const cred = join(data, 'credential');
  const hidden = cloud.url.replace('127.0.0.1', 'cloud.invalid');
  const base = ['settings', 'set', '--data', data, '--credential-file', cred];
  const set = await clm(
    [
      ...base,
      '--cloud-url',
      hidden,
      '--proxy',
      proxy.url,
      '--proxy-user',
      'studio',
      '--proxy-password-stdin',
      '--connect-timeout',
      '7',
    ],
    `${SECRET}\n`,
  );
  assert.equal(set.code, 0, set.err);
  const shown = await clm(['settings', '--data', data, '--credential-file', cred, '--json']);
  assert.deepEqual(JSON.parse(shown.out), {
    cloudUrl: hidden,
    proxyUrl: proxy.url,
    proxyUser: 'studio',
    proxyPasswordSet: true,
    connectTimeoutSeconds: 7,
  });
  const file = readFileSync(join(data, 'settings.json'), 'utf8');
  assert.ok(!file.includes(SECRET), 'no password in settings.json');
  assert.ok(readFileSync(cred, 'utf8').includes(SECRET), 'the password is in the credential file');

  for (const [flags, reason] of [
    [
      ['--connect-timeout', '0'],
      /the connect timeout must be a whole number of seconds from 1 to 300, not "0"/,
    ],
    [
      ['--proxy', 'ftp://proxy:21'],
      /The proxy "ftp:\/\/proxy:21" is not an http:\/\/ or https:\/\/ URL/,
    ],
    [
      ['--proxy', 'http://u:p@proxy:3128'],
      /give the proxy’s user and password in their own fields/,
    ],
    [
      ['--cloud-url', 'not a url'],
      /The cloud URL "not a url" is not an http:\/\/ or https:\/\/ URL/,
    ],
  ] as const) {
    const refused = await clm([...base, ...flags]);
    assert.equal(refused.code, 1, flags.join(' '));
    assert.match(refused.err, reason);
    assert.equal(readFileSync(join(data, 'settings.json'), 'utf8'), file, 'nothing changed');
  }

  // The app on that folder, no --cloud and no --proxy: Settings say where and how.
  const core = await openCore({ dataDir: data, credentialFile: cred, requestTimeoutMs: undefined });
  try {
    assert.equal(core.cloudUrl(), hidden);
    assert.equal(core.timeoutMs(), 7000);
    await core.signIn(ADMIN, PASSWORD);
    assert.ok(
      proxy.seen.some((s) => s.includes('cloud.invalid') && s.endsWith('/v1/auth/sign-in')),
    );
  } finally {
    await core.close();
  }
});

test('settings.set over the bridge: the schema refuses bad input and nothing changes; the password stays out of the file', async () => {
  const data = tempDir('settings-bridge');
  const cred = join(data, 'credential');
  const core = await openCore({ dataDir: data, cloudUrl: cloud.url, credentialFile: cred });
  try {
    const handlers = createBridgeHandlers(core);
    const good = await dispatch(handlers, 'settings.set', {
      proxyUrl: proxy.url,
      proxyUser: 'studio',
      proxyPassword: SECRET,
      connectTimeoutSeconds: 12,
    });
    assert.ok(good.ok, JSON.stringify(good));
    const file = readFileSync(join(data, 'settings.json'), 'utf8');
    assert.ok(!file.includes(SECRET));
    for (const bad of [
      { connectTimeoutSeconds: 'soon' },
      { connectTimeoutSeconds: 0 },
      { proxyUrl: 'socks5://proxy:1080' },
      { proxyUrl: proxy.url, colour: 'blue' },
      { proxyUser: 'a:b' },
      { proxyUser: '', proxyPassword: 'x' },
    ]) {
      const answer = await dispatch(handlers, 'settings.set', bad);
      assert.equal(answer.ok, false, JSON.stringify(bad));
      if (!answer.ok) assert.equal(answer.error.code, 'bad_request', JSON.stringify(bad));
      assert.equal(readFileSync(join(data, 'settings.json'), 'utf8'), file, JSON.stringify(bad));
    }
    const view = await dispatch(handlers, 'settings.get', {});
    assert.ok(view.ok);
    if (view.ok)
      assert.deepEqual(
        { ...(view.value as Record<string, unknown>) },
        {
          cloudUrl: null,
          cloudUrlInUse: cloud.url,
          proxyUrl: proxy.url,
          proxyUser: 'studio',
          proxyPasswordSet: true,
          passwordStorage: 'file',
          connectTimeoutSeconds: 12,
          proxyOverride: null,
        },
      );
  } finally {
    await core.close();
  }
});
