// Finds the package's root folder (where resources/ and dist/ live), from source or from the bundle.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_NAME = 'chaos-license-manager';
let cached: string | null = null;

/** Walks up from this module (src-main/core/ under tsx, dist/ when bundled) to our package.json. */
export function packageRoot(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        const name = (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name;
        if (name === PACKAGE_NAME) return (cached = dir);
      } catch {
        // not ours; keep walking
      }
    }
    const up = dirname(dir);
    if (up === dir) throw new Error(`Cannot find the ${PACKAGE_NAME} package root`);
    dir = up;
  }
}

export const resourcePath = (...parts: string[]): string =>
  join(packageRoot(), 'resources', ...parts);
