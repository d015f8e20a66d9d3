#!/usr/bin/env node
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
