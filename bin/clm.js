#!/usr/bin/env -S MALLOC_ARENA_MAX=1 node --max-semi-space-size=4
// The shebang starts the core's process as src-main/core/launch.json says (launch.ts: why).
// `clm`: the command line. Builds dist/ on first use if `npm install` did not.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'cli.js');
if (!existsSync(cli)) {
  spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--quiet'], {
    stdio: 'inherit',
  });
}
await import(pathToFileURL(cli).href);
