// How the embedded cloud's process is started: a Node child by default; Electron passes a utilityProcess.
import { spawn } from 'node:child_process';
import type { Readable } from 'node:stream';

/** The little the core needs of the embedded cloud's process, whatever started it. */
export interface CloudProcess {
  readonly pid: number | undefined;
  readonly stdout: Readable | null;
  readonly stderr: Readable | null;
  /** Asks it to stop cleanly (SIGTERM or the platform's equivalent). */
  stop(): void;
  /** Stops it at once. */
  kill(): void;
  onExit(listener: (code: number | null, signal: string | null) => void): void;
  onError(listener: (err: Error) => void): void;
}

/**
 * Starts `script` (dist/cli.js) with `args` under Node semantics. Under Electron, main passes
 * one built on `utilityProcess.fork(script, args, { stdio: 'pipe' })`: the `runAsNode` fuse is
 * off there, and a utility process dies with the app by itself.
 */
export type CloudLauncher = (
  script: string,
  args: string[],
  opts: { cwd: string; env: NodeJS.ProcessEnv },
) => CloudProcess;

/**
 * Preloaded into the Node child: when our end of its stdin closes (we exited, even by SIGKILL),
 * it stops itself the clean way. Unref'd, so an open stdin never keeps a stopped cloud alive.
 */
const EXIT_WITH_PARENT =
  'data:text/javascript,' +
  encodeURIComponent(
    "process.stdin.on('end',()=>process.kill(process.pid,'SIGTERM'));process.stdin.on('error',()=>{});process.stdin.resume();process.stdin.unref?.();",
  );

export const nodeCloudLauncher: CloudLauncher = (script, args, opts) => {
  const child = spawn(process.execPath, ['--import', EXIT_WITH_PARENT, script, ...args], {
    cwd: opts.cwd,
    env: { ...opts.env, NODE_OPTIONS: '' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  return {
    get pid() {
      return child.pid;
    },
    stdout: child.stdout,
    stderr: child.stderr,
    stop: () => child.kill('SIGTERM'),
    kill: () => child.kill('SIGKILL'),
    onExit: (l) => child.on('exit', (code, signal) => l(code, signal)),
    onError: (l) => child.on('error', l),
  };
};
