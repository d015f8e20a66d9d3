// Runs the real `clm serve` as a child process and waits for its ready line; speaks the bridge over HTTP.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { CORE_ENV, CORE_NODE_ARGS } from '../../src-main/core/launch.ts';
import type { Envelope } from '../../src-shared/envelope.ts';
import { root } from '../core/helpers.ts';

export interface ServeProcess {
  child: ChildProcess;
  /** Base URL without the token. */
  base: string;
  loginUrl: string;
  token: string;
  port: number;
  /** Milliseconds from spawn to the ready line. */
  readyMs: number;
  stderr: () => string;
  call<T = unknown>(name: string, input?: unknown): Promise<Envelope<T>>;
  /** SIGTERM and wait for the exit; answers the exit code. */
  stop(): Promise<number | null>;
}

export async function startServe(
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<ServeProcess> {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [...CORE_NODE_ARGS, join(root, 'dist', 'cli.js'), 'serve', '--port', '0', '--json', ...args],
    {
      cwd: root,
      env: { ...env, ...CORE_ENV },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  let stdout = '';
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (d: string) => (stderr += d));
  // 'close' comes after the output streams ended, so nothing printed is missed.
  const exited = new Promise<number | null>((resolve) =>
    child.once('close', (code) => resolve(code)),
  );
  const line = await new Promise<{ url: string; token: string; port: number }>(
    (resolve, reject) => {
      const lines = createInterface({ input: child.stdout! });
      lines.on('line', (text) => {
        stdout += `${text}\n`;
        try {
          const v = JSON.parse(text) as { url?: string; token?: string; port?: number };
          if (v.url && v.token && v.port)
            resolve(v as { url: string; token: string; port: number });
        } catch {
          // not the ready line
        }
      });
      void exited.then((code) =>
        reject(new Error(`clm serve exited (${code}) before it was ready:\n${stdout}${stderr}`)),
      );
    },
  );
  const readyMs = performance.now() - started;
  const base = new URL(line.url).origin;
  return {
    child,
    base,
    loginUrl: line.url,
    token: line.token,
    port: line.port,
    readyMs,
    stderr: () => stderr,
    async call<T>(name: string, input: unknown = {}) {
      const res = await fetch(`${base}/api/call/${name}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${line.token}`,
          'x-clm-bridge': '1',
          'content-type': 'application/json',
        },
        body: JSON.stringify(input),
      });
      return (await res.json()) as Envelope<T>;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}
