// Settings' room (docs/sources.md, Online licensing "Settings and proxy", docs/activation.md
// "Settings"): the file `<data>/settings.json` (cloud URL, proxy, proxy user, connect timeout — no
// secret) and the proxy password, kept where the sign-in credential is (OS keychain,
// --credential-file, or memory).
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../src-shared/errors.ts';
import { problems } from '../../src-shared/schema.ts';
import {
  DEFAULT_CONNECT_TIMEOUT_SECONDS,
  SettingsFile,
  checkSettingsInput,
  proxyWithCredentials,
} from '../../src-shared/settings/settings.ts';
import type { CredentialStore } from '../credentials/credential-store.ts';

export const SETTINGS_FILE = 'settings.json';

export class AppSettings {
  readonly path: string;
  readonly #dataDir: string;
  readonly #store: () => CredentialStore;
  #file: SettingsFile;
  /** Why the file on disk was not used, if it was refused (shown, never thrown at start). */
  readonly refused: string | null = null;

  constructor(dataDir: string, store: () => CredentialStore) {
    this.#dataDir = dataDir;
    this.#store = store;
    this.path = join(dataDir, SETTINGS_FILE);
    const read = readSettingsFile(this.path);
    this.#file = read.file;
    this.refused = read.refused;
  }

  get file(): SettingsFile {
    return this.#file;
  }

  connectTimeoutSeconds(): number {
    return this.#file.connectTimeoutSeconds ?? DEFAULT_CONNECT_TIMEOUT_SECONDS;
  }

  /** The credential-store entry of the proxy password: per data folder, as the session's. */
  get passwordKey(): string {
    return `proxy password (${this.#dataDir})`;
  }

  async password(): Promise<string | null> {
    return this.#store().get(this.passwordKey);
  }

  /** The proxy every cloud call goes through, credentials included; null: direct. */
  async proxyUrl(): Promise<string | null> {
    const f = this.#file;
    if (!f.proxyUrl) return null;
    return proxyWithCredentials(
      f.proxyUrl,
      f.proxyUser,
      f.proxyUser ? await this.password() : null,
    );
  }

  /**
   * Validates everything first (a refusal changes nothing), then writes the file and the password.
   * '' clears a field; clearing the proxy also forgets its user and password.
   */
  async set(value: unknown): Promise<SettingsFile> {
    const input = checkSettingsInput(value);
    const next: SettingsFile = { ...this.#file };
    const put = <K extends 'cloudUrl' | 'proxyUrl' | 'proxyUser'>(k: K, v: string | undefined) => {
      if (v === undefined) return;
      if (v === '') delete next[k];
      else next[k] = v;
    };
    put('cloudUrl', input.cloudUrl?.replace(/\/$/, ''));
    put('proxyUrl', input.proxyUrl?.replace(/\/$/, ''));
    put('proxyUser', input.proxyUser);
    if (input.connectTimeoutSeconds !== undefined)
      next.connectTimeoutSeconds = input.connectTimeoutSeconds;
    const clearProxy = !next.proxyUrl;
    if (clearProxy) delete next.proxyUser;
    if (input.proxyPassword && !next.proxyUser)
      throw new AppError('bad_request', 'Invalid settings: a proxy password needs a proxy user');
    const tmp = `${this.path}.tmp`;
    writeFileSync(tmp, `${JSON.stringify(next, null, 2)}\n`, { mode: 0o600 });
    renameSync(tmp, this.path);
    this.#file = next;
    if (clearProxy || !next.proxyUser || input.proxyPassword === '')
      await this.#store().delete(this.passwordKey);
    else if (input.proxyPassword) await this.#store().set(this.passwordKey, input.proxyPassword);
    return next;
  }
}

/** Reads the file; a missing one is the defaults, a broken one is refused with the reason. */
export function readSettingsFile(path: string): { file: SettingsFile; refused: string | null } {
  const defaults: SettingsFile = { version: 1 };
  if (!existsSync(path)) return { file: defaults, refused: null };
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return { file: defaults, refused: `${path} is not JSON; the defaults are used` };
  }
  const found = problems(SettingsFile, value);
  if (found.length)
    return {
      file: defaults,
      refused: `${path} was refused (${found.map((p) => p.message).join('; ')}); the defaults are used`,
    };
  return { file: value as SettingsFile, refused: null };
}
