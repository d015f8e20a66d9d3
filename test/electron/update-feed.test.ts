// The update feed the cloud serves (`clm cloud --updates DIR`) is what electron-updater's generic
// provider reads: latest-linux.yml parsed with the same YAML library (js-yaml) and electron-updater's
// own parser, with version, files[{url, sha512, size}], path, sha512 and releaseDate; the file it
// names is served with that size and hash; and the app's own comparison sees the newer version.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isNewerVersion } from '../../src-shared/update-state.ts';
import { updateFeedUrl } from '../../src-main/electron/update-feed-url.ts';
import { startCloudProcess } from '../support/big-org.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(t: string): unknown; dump(v: unknown): string };
const { parseUpdateInfo, resolveFiles } = require('electron-updater/out/providers/Provider.js') as {
  parseUpdateInfo(raw: string, channelFile: string, url: URL): UpdateInfo;
  resolveFiles(
    info: UpdateInfo,
    base: URL,
  ): Array<{ url: URL; info: { sha512: string; size?: number } }>;
};

interface UpdateInfo {
  version: string;
  files: Array<{ url: string; sha512: string; size: number }>;
  path: string;
  sha512: string;
  releaseDate: string;
}

const running = (
  JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }
).version;
const [major, minor] = running.split('.').map(Number);
const offered = `${major}.${(minor ?? 0) + 1}.0`;
const installer = `Chaos-License-Manager-${offered}.AppImage`;
const bytes = randomBytes(300_000);
const work = mkdtempSync(join(tmpdir(), 'clm-update-feed-'));
const feedDir = join(work, 'updates');
let cloud: { child: ChildProcess; url: string };

before(async () => {
  mkdirSync(feedDir);
  mkdirSync(join(work, 'cloud'));
  writeFileSync(join(feedDir, installer), bytes);
  const sha512 = createHash('sha512').update(bytes).digest('base64');
  // What electron-builder writes next to the installers it publishes.
  writeFileSync(
    join(feedDir, 'latest-linux.yml'),
    yaml.dump({
      version: offered,
      files: [{ url: installer, sha512, size: bytes.length }],
      path: installer,
      sha512,
      releaseDate: new Date().toISOString(),
    }),
  );
  cloud = await startCloudProcess(join(work, 'cloud'), null, ['--updates', feedDir]);
});

after(() => {
  cloud?.child.kill();
  rmSync(work, { recursive: true, force: true });
});

test('the cloud serves latest-linux.yml in the format electron-updater reads', async () => {
  const feed = new URL(`${updateFeedUrl(cloud.url)}/latest-linux.yml`);
  const res = await fetch(feed);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /yaml/);
  const text = await res.text();
  const raw = yaml.load(text) as Record<string, unknown>;
  assert.equal(raw.version, offered);
  assert.equal(raw.path, installer);
  assert.equal(typeof raw.sha512, 'string');
  assert.ok(!Number.isNaN(Date.parse(String(raw.releaseDate))), 'releaseDate is a date');
  const info = parseUpdateInfo(text, 'latest-linux.yml', feed);
  assert.equal(info.files.length, 1);
  const [file] = resolveFiles(info, new URL(`${updateFeedUrl(cloud.url)}/`));
  assert.ok(file);
  assert.equal(file.info.size, bytes.length);

  const download = await fetch(file.url);
  assert.equal(download.status, 200);
  const body = Buffer.from(await download.arrayBuffer());
  assert.equal(body.length, file.info.size);
  assert.equal(createHash('sha512').update(body).digest('base64'), file.info.sha512);

  assert.equal(isNewerVersion(running, info.version), true, `${offered} is newer than ${running}`);
  assert.equal(isNewerVersion(info.version, running), false);
});

test('nothing outside the feed folder is served, and a missing file is a clear 404', async () => {
  const missing = await fetch(`${updateFeedUrl(cloud.url)}/latest-mac.yml`);
  assert.equal(missing.status, 404);
  assert.deepEqual(await missing.json(), {
    error: 'not_found',
    message: 'No update file named latest-mac.yml.',
  });
  for (const path of ['..%2Fcloud%2Fcloud.db', '.hidden', '%2Fetc%2Fpasswd']) {
    const res = await fetch(`${updateFeedUrl(cloud.url)}/${path}`);
    assert.ok(res.status === 400 || res.status === 404, `${path}: ${res.status}`);
  }
});
