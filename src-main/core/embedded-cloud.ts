// Runs the cloud reference server on the demo seed as a separate process, for the no-configuration demo.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { AppError } from '../../src-shared/errors.ts';
import type { CloudLauncher, CloudProcess } from './cloud-launcher.ts';
import { nodeCloudLauncher } from './cloud-launcher.ts';
import type { Logger } from './log.ts';
import { packageRoot, resourcePath } from './package-root.ts';

export interface EmbeddedCloudOptions {
  /** The desktop's data folder; the cloud keeps its own data in `<dataDir>/embedded-cloud`. */
  dataDir: string;
  seedFile?: string;
  log?: Logger;
  startTimeoutMs?: number;
  /** The desktop's clock shift (docs/time.md): the demo cloud keeps the same time as the app. */
  clockShiftMs?: number;
  /** How the process is started (default: a Node child process). */
  launcher?: CloudLauncher;
}

const LISTENING = /listening on (http:\/\/\S+)/;

interface Running {
  proc: CloudProcess;
  exited: Promise<void>;
  alive: boolean;
}

/**
 * A separate process keeps the desktop's own memory small and lets the cloud crash without
 * taking the app down; `url()` starts it (again, after a crash) and answers where it listens.
 */
export class EmbeddedCloud {
  readonly #opts: EmbeddedCloudOptions;
  #running: Running | null = null;
  #starting: Promise<string> | null = null;
  #url: string | null = null;
  #closed = false;
  readonly #killOnExit = () => this.#running?.proc.kill();

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
    if (this.#url && this.#running?.alive) return Promise.resolve(this.#url);
    this.#starting ??= this.#start().finally(() => {
      this.#starting = null;
    });
    return this.#starting;
  }

  #start(): Promise<string> {
    const root = packageRoot();
    const args = [
      'cloud',
      '--port',
      '0',
      '--host',
      '127.0.0.1',
      '--data',
      this.#folder(),
      '--seed',
      this.seedFile,
      // One argument: a negative shift would read as an option of its own.
      `--clock-shift=${this.#opts.clockShiftMs ?? 0}ms`,
    ];
    const launch = this.#opts.launcher ?? nodeCloudLauncher;
    const proc = launch(join(root, 'dist', 'cli.js'), args, { cwd: root, env: process.env });
    let markExited!: () => void;
    const running: Running = {
      proc,
      alive: true,
      exited: new Promise<void>((r) => (markExited = r)),
    };
    this.#running = running;
    process.on('exit', this.#killOnExit);
    let stderrTail = '';
    proc.stderr?.setEncoding('utf8');
    proc.stderr?.on('data', (chunk: string) => {
      stderrTail = (stderrTail + chunk).slice(-2000);
    });
    return new Promise<string>((resolve, reject) => {
      const timeoutMs = this.#opts.startTimeoutMs ?? 20_000;
      const timer = setTimeout(() => {
        proc.kill();
        reject(
          new AppError(
            'unavailable',
            `The embedded demo cloud did not start within ${timeoutMs / 1000} s`,
          ),
        );
      }, timeoutMs);
      if (proc.stdout) {
        createInterface({ input: proc.stdout }).on('line', (line) => {
          const m = LISTENING.exec(line);
          if (m && m[1] && !this.#url) {
            clearTimeout(timer);
            this.#url = m[1];
            this.#opts.log?.info('embedded cloud started', { url: m[1], pid: proc.pid });
            resolve(m[1]);
          }
        });
      }
      proc.onError((err) => {
        clearTimeout(timer);
        reject(
          new AppError('unavailable', `The embedded demo cloud could not start: ${err.message}`),
        );
      });
      proc.onExit((code, signal) => {
        clearTimeout(timer);
        running.alive = false;
        markExited();
        process.off('exit', this.#killOnExit);
        if (this.#running === running) {
          this.#running = null;
          this.#url = null;
        }
        if (!this.#closed) {
          this.#opts.log?.warn('embedded cloud stopped', { code, signal: signal ?? undefined });
        }
        const tail = stderrTail.trim().split('\n').slice(-3).join(' | ');
        reject(
          new AppError(
            'unavailable',
            `The embedded demo cloud stopped (${signal ?? `exit ${code}`})${tail ? `: ${tail}` : ''}`,
          ),
        );
      });
    });
  }

  /** Stops the process and waits for it to exit (killed if it does not within a few seconds). */
  async close(): Promise<void> {
    this.#closed = true;
    await this.#stop();
  }

  /**
   * Reset demo: stops the cloud, removes its data and starts it again, so the seed loads anew
   * with its dates relative to now (docs/seed-format.md).
   */
  async reset(): Promise<string> {
    if (this.#closed) throw new AppError('unavailable', 'The app is shutting down');
    await this.#starting?.catch(() => undefined);
    await this.#stop();
    rmSync(this.#folder(), { recursive: true, force: true });
    return this.url();
  }

  #folder(): string {
    return join(this.#opts.dataDir, 'embedded-cloud');
  }

  async #stop(): Promise<void> {
    const running = this.#running;
    if (!running?.alive) return;
    const force = setTimeout(() => running.proc.kill(), 3000);
    running.proc.stop();
    await running.exited;
    clearTimeout(force);
  }
}
