// Runs the cloud reference server on the demo seed as a child process, for the no-configuration demo.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { AppError } from '../../src-shared/errors.ts';
import type { Logger } from './log.ts';
import { packageRoot, resourcePath } from './package-root.ts';

export interface EmbeddedCloudOptions {
  /** The desktop's data folder; the cloud keeps its own data in `<dataDir>/embedded-cloud`. */
  dataDir: string;
  seedFile?: string;
  log?: Logger;
  startTimeoutMs?: number;
}

const LISTENING = /listening on (http:\/\/\S+)/;

/**
 * Preloaded into the child: when our end of its stdin closes (we exited, even by SIGKILL), it
 * stops itself the clean way. Unref'd, so an open stdin never keeps a stopped cloud alive.
 */
const EXIT_WITH_PARENT =
  'data:text/javascript,' +
  encodeURIComponent(
    "process.stdin.on('end',()=>process.kill(process.pid,'SIGTERM'));process.stdin.on('error',()=>{});process.stdin.resume();process.stdin.unref?.();",
  );

/**
 * A child keeps the desktop's own memory small and lets the cloud crash without taking the app
 * down; `url()` starts it (again, after a crash) and answers where it listens.
 */
export class EmbeddedCloud {
  readonly #opts: EmbeddedCloudOptions;
  #child: ChildProcess | null = null;
  #starting: Promise<string> | null = null;
  #url: string | null = null;
  #closed = false;
  readonly #killOnExit = () => this.#child?.kill('SIGKILL');

  constructor(opts: EmbeddedCloudOptions) {
    this.#opts = opts;
  }

  get seedFile(): string {
    return this.#opts.seedFile ?? resourcePath('demo-seed.json');
  }

  /** The URL once it listens, or null while starting / after it stopped. */
  get currentUrl(): string | null {
    return this.#url;
  }

  url(): Promise<string> {
    if (this.#closed)
      return Promise.reject(new AppError('unavailable', 'The app is shutting down'));
    if (this.#url && this.#child && this.#child.exitCode === null)
      return Promise.resolve(this.#url);
    this.#starting ??= this.#start().finally(() => {
      this.#starting = null;
    });
    return this.#starting;
  }

  #start(): Promise<string> {
    const root = packageRoot();
    const args = [
      '--import',
      EXIT_WITH_PARENT,
      join(root, 'dist', 'cli.js'),
      'cloud',
      '--port',
      '0',
      '--host',
      '127.0.0.1',
      '--data',
      join(this.#opts.dataDir, 'embedded-cloud'),
      '--seed',
      this.seedFile,
    ];
    const child = spawn(process.execPath, args, {
      cwd: root,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    this.#child = child;
    process.on('exit', this.#killOnExit);
    let stderrTail = '';
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      stderrTail = (stderrTail + chunk).slice(-2000);
    });
    return new Promise<string>((resolve, reject) => {
      const timeoutMs = this.#opts.startTimeoutMs ?? 20_000;
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(
          new AppError(
            'unavailable',
            `The embedded demo cloud did not start within ${timeoutMs / 1000} s`,
          ),
        );
      }, timeoutMs);
      const lines = createInterface({ input: child.stdout! });
      lines.on('line', (line) => {
        const m = LISTENING.exec(line);
        if (m && m[1] && !this.#url) {
          clearTimeout(timer);
          this.#url = m[1];
          this.#opts.log?.info('embedded cloud started', { url: m[1], pid: child.pid });
          resolve(m[1]);
        }
      });
      child.on('error', (err) => {
        clearTimeout(timer);
        reject(
          new AppError('unavailable', `The embedded demo cloud could not start: ${err.message}`),
        );
      });
      child.on('exit', (code, signal) => {
        clearTimeout(timer);
        process.off('exit', this.#killOnExit);
        if (this.#child === child) {
          this.#child = null;
          this.#url = null;
        }
        if (!this.#closed) {
          this.#opts.log?.warn('embedded cloud stopped', { code, signal: signal ?? undefined });
        }
        reject(
          new AppError(
            'unavailable',
            `The embedded demo cloud stopped (${signal ?? `exit ${code}`})${stderrTail ? `: ${stderrTail.trim().split('\n').slice(-3).join(' | ')}` : ''}`,
          ),
        );
      });
    });
  }

  /** Stops the child and waits for it to exit (SIGKILL if it does not within a few seconds). */
  async close(): Promise<void> {
    this.#closed = true;
    const child = this.#child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      const force = setTimeout(() => child.kill('SIGKILL'), 3000);
      child.once('exit', () => {
        clearTimeout(force);
        resolve();
      });
      child.kill('SIGTERM');
    });
  }
}
