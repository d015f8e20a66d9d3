// How the core's process is started, wherever it is: the desktop's utility process
// (src-main/electron/core-host.ts), `clm` (the shebang of bin/clm.js), `npm start` in headless
// mode (scripts/start.mjs) and the tests' `clm serve` (test/e2e/harness.ts) — all read
// ./launch.json, and test/headless/launch.test.ts holds the shebang to it.
//
// Why (bench/org-change.bench.ts, `sync.rss_mb`; docs/architecture.md "The core's memory"): what
// the core keeps alive is small (about 15 MB of heap at 10,000 users), but the first sync of a
// big organization makes V8 double its young generation up to 32 MB, kept until the process has
// idled ~17 s, and threads of V8 and libuv each take a malloc arena of their own; both are set
// when a process starts and not after. A 4 MB semi-space and one malloc arena: `clm serve` at
// 10,000 users 141 MB instead of 172. A 1 MB semi-space gave 126 MB but made the 100,000-user
// sync 1.6x slower per user than the 10,000-user one (bench/sync100k.bench.ts; 1.03x at 4 MB).
import launch from './launch.json';

/** Node's options for the core's process, before the script. */
export const CORE_NODE_ARGS: readonly string[] = launch.nodeArgs;

/** Environment the core's process starts with, over the parent's. */
export const CORE_ENV: Readonly<Record<string, string>> = launch.env;
