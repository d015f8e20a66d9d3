// Keeps the credential in this process only: used where no OS keychain answers, and says so.
import type { CredentialStore } from './credential-store.ts';
import { NO_KEYCHAIN_NOTICE } from './credential-store.ts';

export class MemoryCredentialStore implements CredentialStore {
  readonly storage = 'memory' as const;
  readonly notice: string;
  readonly #secrets = new Map<string, string>();

  constructor(notice: string = NO_KEYCHAIN_NOTICE) {
    this.notice = notice;
  }

  async get(account: string): Promise<string | null> {
    return this.#secrets.get(account) ?? null;
  }

  async set(account: string, secret: string): Promise<void> {
    this.#secrets.set(account, secret);
  }

  async delete(account: string): Promise<void> {
    this.#secrets.delete(account);
  }
}
