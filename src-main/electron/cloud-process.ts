// Starts the embedded demo cloud as an Electron utility process (the runAsNode fuse is off).
import { utilityProcess } from 'electron';
import type { Readable } from 'node:stream';
import type { CloudLauncher, CloudProcess } from '../core/cloud-launcher.ts';

/**
 * The arguments travel in CLM_CLI_ARGS as well, because a utility process's argv layout is
 * Electron's, not Node's (`dist/cli.js` reads that variable first when it is set).
 */
export const utilityCloudLauncher: CloudLauncher = (script, args, opts): CloudProcess => {
  const child = utilityProcess.fork(script, args, {
    cwd: opts.cwd,
    env: { ...opts.env, CLM_CLI_ARGS: JSON.stringify(args) },
    stdio: 'pipe',
    serviceName: 'Chaos License Manager demo cloud',
  });
  return {
    get pid() {
      return child.pid;
    },
    stdout: child.stdout as Readable | null,
    stderr: child.stderr as Readable | null,
    stop: () => void child.kill(),
    kill: () => void child.kill(),
    onExit: (listener) => child.on('exit', (code) => listener(code, null)),
    onError: (listener) =>
      child.on('error', (type, location) => listener(new Error(`${type} at ${location}`))),
  };
};
