// Builds main, preload, CLI (esbuild) and the renderer (Vite) into dist/, only what is stale
// unless --force. Runs on `npm install` (prepare) so `npx clm` works straight away.
import { build } from 'esbuild';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const force = process.argv.includes('--force');
const quiet = process.argv.includes('--quiet');
const log = (msg) => quiet || console.log(`[build] ${msg}`);

function newest(dir) {
  let t = 0;
  if (!existsSync(dir)) return t;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}
function stale(stamp, dirs) {
  if (force) return true;
  const s = join(root, 'dist', stamp);
  if (!existsSync(s)) return true;
  const built = statSync(s).mtimeMs;
  return dirs.some((d) => newest(join(root, d)) > built);
}
function stampFile(stamp) {
  mkdirSync(join(root, 'dist'), { recursive: true });
  writeFileSync(join(root, 'dist', stamp), new Date().toISOString());
}

// Packages stay external (native addons, big servers), except these pure-JS ones made of
// hundreds of small files: resolving them one by one made every start take most of a second.
// The typebox type provider is bundled with them so it shares our one copy of typebox.
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const bundled = new Set(['typebox', '@fastify/type-provider-typebox', 'kysely']);
const external = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies })
  .filter((name) => !bundled.has(name))
  .flatMap((name) => [name, `${name}/*`]);

const nodeCommon = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  external,
  sourcemap: true,
  logLevel: 'warning',
  absWorkingDir: root,
};

if (stale('.main-stamp', ['src-main', 'src-shared', 'src-cloud', 'resources'])) {
  log('main, cli and cloud');
  // Chunk names carry content hashes: drop the last build's so they do not pile up.
  rmSync(join(root, 'dist', 'chunks'), { recursive: true, force: true });
  await build({
    ...nodeCommon,
    format: 'esm',
    entryPoints: { cli: 'src-main/cli/main.ts' },
    outdir: 'dist',
    // Commands load what they need lazily (the cloud server, for one) from their own chunks.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
  });
  if (existsSync(join(root, 'src-main/electron/main.ts'))) {
    await build({
      ...nodeCommon,
      format: 'esm',
      // The window-owning main process and the core's utility process (package.json "main").
      entryPoints: { main: 'src-main/electron/main.ts', core: 'src-main/electron/core-process.ts' },
      outdir: 'dist/electron',
      external: [...external, 'electron'],
      banner: {
        js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
      },
    });
  }
  stampFile('.main-stamp');
}

if (
  existsSync(join(root, 'src-preload/preload.ts')) &&
  stale('.preload-stamp', ['src-preload', 'src-shared'])
) {
  log('preload');
  // A sandboxed preload must be one CommonJS file that requires nothing but electron.
  await build({
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    entryPoints: ['src-preload/preload.ts'],
    outfile: 'dist/preload/preload.cjs',
    external: ['electron'],
    logLevel: 'warning',
    absWorkingDir: root,
  });
  stampFile('.preload-stamp');
}

if (
  existsSync(join(root, 'src-renderer/index.html')) &&
  stale('.renderer-stamp', ['src-renderer', 'src-shared'])
) {
  log('renderer (vite)');
  const { build: viteBuild } = await import('vite');
  await viteBuild({ configFile: join(root, 'vite.config.ts'), logLevel: quiet ? 'error' : 'warn' });
  stampFile('.renderer-stamp');
}
