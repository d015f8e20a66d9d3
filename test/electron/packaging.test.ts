// The packaging config is right by construction: electron-builder.yml passes app-builder-lib's own
// JSON schema, package.json "main" names a file the build writes, every native dependency is
// unpacked from the asar, and the build/ folder has an icon for every platform and the macOS
// entitlements (docs/requirements.md §12, README "Building installers").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
// The YAML library electron-builder and electron-updater read their files with.
const yaml = require('js-yaml') as { load(text: string): unknown };
const read = (p: string) => readFileSync(join(root, p), 'utf8');

interface BuilderConfig {
  asarUnpack: string[];
  npmRebuild: boolean;
  files: string[];
  linux: { target: string[]; icon: string };
  win: { target: string[]; icon: string };
  mac: { target: string[]; icon: string; entitlements: string; entitlementsInherit: string };
  publish: { provider: string; url: string };
  protocols: { schemes: string[] }[];
}
const config = yaml.load(read('electron-builder.yml')) as BuilderConfig;

test('electron-builder.yml passes app-builder-lib’s own schema', () => {
  const schema = JSON.parse(read('node_modules/app-builder-lib/scheme.json')) as object;
  const ajv = new Ajv({ strict: false, allowUnionTypes: true });
  const validate = ajv.compile(schema);
  const valid = validate(config);
  assert.equal(valid, true, JSON.stringify(validate.errors, null, 2));
});

test('it builds AppImage and deb, nsis, dmg, with clm:// links and the cloud’s update feed', () => {
  assert.deepEqual(config.linux.target, ['AppImage', 'deb']);
  assert.deepEqual(config.win.target, ['nsis']);
  assert.deepEqual(config.mac.target, ['dmg']);
  assert.deepEqual(config.protocols[0]?.schemes, ['clm']);
  assert.equal(config.publish.provider, 'generic');
  assert.doesNotMatch(config.publish.url, /example\.invalid/);
});

test('package.json "main" names the file the build writes, with the core’s entry next to it', () => {
  const pkg = JSON.parse(read('package.json')) as { main: string };
  assert.equal(pkg.main, 'dist/electron/main.js');
  // `npm test` builds before the tests run (scripts/test.mjs).
  assert.ok(existsSync(join(root, pkg.main)), `${pkg.main} is written by scripts/build.mjs`);
  assert.ok(existsSync(join(root, 'dist/electron/core.js')), 'the utility process entry');
  assert.match(read(pkg.main), /core\.js/, 'main starts the core from dist/electron/core.js');
  assert.ok(existsSync(join(root, 'dist/preload/preload.cjs')));
  for (const f of ['dist/**', 'package.json', 'resources/**'])
    assert.ok(config.files.includes(f), f);
});

test('every native dependency is rebuilt for Electron and unpacked from the asar', () => {
  assert.equal(config.npmRebuild, true);
  const pkg = JSON.parse(read('package.json')) as { dependencies: Record<string, string> };
  const native = Object.keys(pkg.dependencies).filter((name) =>
    existsSync(join(root, 'node_modules', name, 'binding.gyp')),
  );
  assert.deepEqual(native.sort(), ['better-sqlite3', 'keytar', 'node-hid']);
  for (const name of native)
    assert.ok(config.asarUnpack.includes(`node_modules/${name}/**`), `${name} is unpacked`);
  assert.ok(config.asarUnpack.includes('**/*.node'));
});

test('build/ has an icon for every platform and the macOS entitlements', () => {
  const png = readFileSync(join(root, config.linux.icon));
  assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
  assert.equal(png.readUInt32BE(16), 1024, 'the Linux icon is 1024 px wide');
  const ico = readFileSync(join(root, config.win.icon));
  assert.equal(ico.readUInt16LE(2), 1, 'an ICO file');
  assert.ok(ico.readUInt16LE(4) >= 4, 'with several sizes');
  const icns = readFileSync(join(root, config.mac.icon));
  assert.equal(icns.subarray(0, 4).toString('latin1'), 'icns');
  assert.equal(icns.readUInt32BE(4), icns.length);
  const plist = read(config.mac.entitlements);
  assert.equal(config.mac.entitlementsInherit, config.mac.entitlements);
  assert.match(plist, /<key>com\.apple\.security\.cs\.allow-jit<\/key>\s*<true\/>/);
  assert.ok(existsSync(join(root, 'resources/icons/tray.png')), 'the tray icon is packaged');
});
