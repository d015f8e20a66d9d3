// The OS keychain through keytar (Secret Service on Linux, Keychain on macOS, Credential Vault on Windows).
import keytar from 'keytar';
import { AppError } from '../../src-shared/errors.ts';
import type { CredentialStore } from './credential-store.ts';
import { KEYCHAIN_SERVICE } from './credential-store.ts';

/** How long a keychain that does not answer may take before we treat it as absent. */
const PROBE_TIMEOUT_MS = 3000;

export class KeychainCredentialStore implements CredentialStore {
  readonly storage = 'keychain' as const;
  readonly service: string;

  constructor(service: string = KEYCHAIN_SERVICE) {
    this.service = service;
  }

  /** Throws when no keychain answers (e.g. no D-Bus session or no Secret Service on Linux). */
  async probe(): Promise<void> {
    await withTimeout(keytar.findCredentials(this.service), PROBE_TIMEOUT_MS);
  }

  async get(account: string): Promise<string | null> {
    return keytar.getPassword(this.service, account);
  }

  async set(account: string, secret: string): Promise<void> {
    await keytar.setPassword(this.service, account, secret);
  }

  async delete(account: string): Promise<void> {
    await keytar.deletePassword(this.service, account);
  }
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new AppError('unavailable', 'The OS keychain did not answer')),
      ms,
    );
    timer.unref();
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}
