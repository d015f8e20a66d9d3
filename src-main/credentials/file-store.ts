// Keeps the credential in a file only its owner can read (mode 0600), for hosts without a keychain.
import {
  chmodSync,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
} from 'node:fs';
import { closeSync, writeSync, mkdirSync, unlinkSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppError } from '../../src-shared/errors.ts';
import type { CredentialStore } from './credential-store.ts';

const OWNER_ONLY = 0o600;

export class FileCredentialStore implements CredentialStore {
  readonly storage = 'file' as const;
  readonly path: string;

  constructor(path: string) {
    this.path = path;
  }

  async get(account: string): Promise<string | null> {
    return this.#read()[account] ?? null;
  }

  async set(account: string, secret: string): Promise<void> {
    this.#write({ ...this.#read(), [account]: secret });
  }

  async delete(account: string): Promise<void> {
    const all = this.#read();
    if (!(account in all)) return;
    delete all[account];
    this.#write(all);
  }

  /** Creates the file (empty) with mode 0600 if missing, and checks the mode of an existing one. */
  ensure(): void {
    if (!existsSync(this.path)) this.#write({});
    this.#checkMode();
  }

  #read(): Record<string, string> {
    if (!existsSync(this.path)) return {};
    this.#checkMode();
    const text = readFileSync(this.path, 'utf8');
    if (!text.trim()) return {};
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
        return Object.fromEntries(
          Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === 'string'),
        );
      }
    } catch {
      // fall through: a damaged file is reported, never guessed at
    }
    throw new AppError(
      'internal',
      `The credential file ${this.path} is damaged; delete it and sign in again`,
    );
  }

  #write(all: Record<string, string>): void {
    mkdirSync(dirname(this.path), { recursive: true });
    // Write beside the target with 0600 from the start, then rename: the secret is never in a
    // file anyone else could open, not even for a moment.
    const tmp = `${this.path}.${process.pid}.tmp`;
    const fd = openSync(tmp, 'w', OWNER_ONLY);
    try {
      writeSync(fd, JSON.stringify(all));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    try {
      chmodSync(tmp, OWNER_ONLY);
      renameSync(tmp, this.path);
    } catch (err) {
      if (existsSync(tmp)) unlinkSync(tmp);
      throw err;
    }
    this.#checkMode();
  }

  #checkMode(): void {
    if (process.platform === 'win32') return;
    const mode = statSync(this.path).mode & 0o777;
    if (mode !== OWNER_ONLY) {
      throw new AppError(
        'forbidden',
        `The credential file ${this.path} has mode ${mode.toString(8)}; it must be readable only by you (chmod 600 ${this.path})`,
      );
    }
  }
}
