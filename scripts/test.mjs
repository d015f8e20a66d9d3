// `npm test`: lint, format check, type check, build, then every test under node:test.
// Tests run inside a private D-Bus session with an unlocked gnome-keyring, so keytar is real.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const inner = args.includes('--inner');
const filters = args.filter((a) => !a.startsWith('--'));

function run(cmd, argv, opts = {}) {
  const r = spawnSync(cmd, argv, { cwd: root, stdio: 'inherit', ...opts });
  if (r.status !== 0) {
    console.error(`\n${cmd} ${argv.join(' ')} failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status || 1);
  }
}
function have(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

if (!inner) {
  if (!args.includes('--no-lint')) {
    console.log('[test] eslint');
    run('npx', ['eslint', '.', '--max-warnings=0']);
    console.log('[test] prettier');
    run('npx', ['prettier', '--check', '.', '--log-level=warn']);
    console.log('[test] typescript');
    run('npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
  }
  console.log('[test] build');
  run('node', ['scripts/build.mjs', '--quiet']);
  if (!process.env.CLM_NO_KEYRING && have('dbus-run-session') && have('gnome-keyring-daemon')) {
    // A fresh data home makes gnome-keyring create a new login keyring, unlocked with this password.
    const dataHome = mkdtempSync(join(tmpdir(), 'clm-keyring-'));
    const script = `printf clm-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null; exec node scripts/test.mjs --inner ${args.map((a) => `'${a}'`).join(' ')}`;
    const r = spawnSync('dbus-run-session', ['--', 'sh', '-c', script], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, XDG_DATA_HOME: dataHome, CLM_TEST_KEYRING: '1' },
    });
    process.exit(r.status ?? 1);
  }
  console.warn('[test] no dbus-run-session/gnome-keyring-daemon: keychain tests will be skipped');
}

function collect(dir) {
  const out = [];
  if (!existsSync(dir)) return out;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'fixtures') out.push(...collect(p));
    } else if (/\.test\.tsx?$/.test(e.name) && statSync(p).isFile()) out.push(p);
  }
  return out;
}
let files = collect(join(root, 'test')).sort();
if (filters.length) files = files.filter((f) => filters.some((x) => relative(root, f).includes(x)));
console.log(`[test] ${files.length} test files`);
// No test may hang the suite: one that runs past this fails, with its name (issue 11).
const nodeTest = ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-timeout=240000'];
run('node', [...nodeTest, ...files]);

// The cloud's suites again with the store on PostgreSQL (issue 21), at CLM_TEST_PG_URL (.ci/run
// starts PostgreSQL and sets it); each test cloud takes a fresh schema (test/support/store.ts).
const onBoth = ['test/cloud/', 'test/org/', 'test/sync/'];
const pgFiles = files.filter((f) => onBoth.some((d) => relative(root, f).startsWith(d)));
if (pgFiles.length && process.env.CLM_TEST_PG_URL) {
  console.log(`[test] ${pgFiles.length} test files again on PostgreSQL`);
  run('node', [...nodeTest, ...pgFiles], {
    env: { ...process.env, CLM_TEST_STORE: 'postgres' },
  });
} else if (pgFiles.length) {
  console.warn('[test] CLM_TEST_PG_URL is not set: the cloud suites ran on SQLite only');
}
