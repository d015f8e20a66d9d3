// Test helpers for the seat server: temp dirs, a real server process, JSON over real HTTP.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { request, type RequestOptions } from 'node:http';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function tempDir(prefix = 'clm-seats-'): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface Answer<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

export async function post<T = Record<string, unknown>>(
  url: string,
  body: unknown,
): Promise<Answer<T>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as T, headers: res.headers };
}

export async function get<T = Record<string, unknown>>(url: string): Promise<Answer<T>> {
  const res = await fetch(url);
  return { status: res.status, body: (await res.json()) as T, headers: res.headers };
}

/** Waits for a line of a child's stdout matching `re`; fails on exit first. */
export function waitForLine(child: ChildProcess, re: RegExp): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const rl = createInterface({ input: child.stdout! });
    let err = '';
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    const onExit = (code: number | null) =>
      reject(new Error(`exited (${code}) before "${re}": ${err}`));
    child.once('exit', onExit);
    rl.on('line', (line) => {
      const m = line.match(re);
      if (m) {
        child.off('exit', onExit);
        rl.close();
        resolve(m);
      }
    });
  });
}

export interface SeatProcess {
  url: string;
  child: ChildProcess;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts the standalone seat server as a real process and waits for its `listening on` line. */
export async function startSeatProcess(args: string[]): Promise<SeatProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(root, 'test/seats/fixtures/seat-server.ts'), ...args],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const m = await waitForLine(child, /listening on (http:\/\/\S+)/);
  return {
    url: m[1] as string,
    child,
    kill: (signal = 'SIGTERM') =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
}

export interface RawReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Record<string, unknown>;
}

/**
 * One request with node:http, where fetch cannot: a chosen local address, any `Host` header.
 * Bounded: fails after 10 s without an answer.
 */
export function rawRequest(opts: RequestOptions, body?: string): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const req = request(opts, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: JSON.parse(text) as Record<string, unknown>,
        }),
      );
    });
    req.setTimeout(10_000, () => req.destroy(new Error(`no answer to ${opts.path} within 10 s`)));
    req.on('error', reject);
    req.end(body);
  });
}
