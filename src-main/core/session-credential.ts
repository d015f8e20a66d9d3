// The session's refresh credential: which keychain entry holds it, saving each rotation, forgetting it.
import type { AccountView } from '../../src-shared/domain/account.ts';
import { AppError } from '../../src-shared/errors.ts';
import type { CredentialStore } from '../credentials/credential-store.ts';
import { MemoryCredentialStore } from '../credentials/memory-store.ts';
import type { Replica } from '../store/replica.ts';
import type { Logger } from './log.ts';

export interface SessionCredentialOptions {
  replica: Replica;
  store: CredentialStore;
  log: Logger;
  dataDir: string;
  /** 'embedded' for the demo cloud, else its URL: the replica belongs to one cloud. */
  cloudId: string;
  credentialFile?: string;
}

export class SessionCredential {
  readonly #o: SessionCredentialOptions;
  #store: CredentialStore;

  constructor(opts: SessionCredentialOptions) {
    this.#o = opts;
    this.#store = opts.store;
  }

  get store(): CredentialStore {
    return this.#store;
  }

  /** What the user must know about where the credential is kept, if anything. */
  notice(): string | undefined {
    if (this.#store.notice) return this.#store.notice;
    if (this.#store.storage === 'file' && this.#o.credentialFile) {
      return `The sign-in credential is kept in ${this.#o.credentialFile}, readable only by you.`;
    }
    return undefined;
  }

  /** The keychain account of the entry: per email, cloud and data folder (not a secret). */
  keyFor(email: string): string {
    const cloud = this.#o.cloudId === 'embedded' ? 'embedded demo cloud' : this.#o.cloudId;
    return `${email} @ ${cloud} (${this.#o.dataDir})`;
  }

  /** The stored refresh token of the replica's session, or null. */
  async load(): Promise<string | null> {
    const key = this.#o.replica.getMeta('credential_account');
    if (!key) return null;
    try {
      return await this.#store.get(key);
    } catch (err) {
      this.#o.log.error('could not read the stored credential', {
        message: AppError.from(err).message,
      });
      return null;
    }
  }

  /**
   * Saves a new refresh token at once (the cloud already refuses the previous one). Answers true
   * when a different account signed in, so the caller wipes the previous account's replica.
   */
  async save(token: string, account: AccountView): Promise<{ storageChanged: boolean }> {
    const { replica, log } = this.#o;
    const key = this.keyFor(account.email);
    const prevKey = replica.getMeta('credential_account');
    if (prevKey && prevKey !== key) await this.#delete(prevKey);
    let storageChanged = false;
    try {
      await this.#store.set(key, token);
    } catch (err) {
      // Never silently: the user learns that this session will not survive a restart.
      const why = AppError.from(err).message;
      log.error('the keychain refused the credential; keeping it in memory', { message: why });
      this.#store = new MemoryCredentialStore(
        `The OS keychain refused the sign-in credential (${why}): you will have to sign in again after a restart. Start with --credential-file to keep it in a file readable only by you.`,
      );
      await this.#store.set(key, token);
      storageChanged = true;
    }
    replica.setMeta('credential_account', key);
    replica.setMeta('cloud_id', this.#o.cloudId);
    return { storageChanged };
  }

  /** Deletes the stored entry (sign-out, or the cloud ended the session). */
  async forget(): Promise<void> {
    const key = this.#o.replica.getMeta('credential_account');
    if (key) await this.#delete(key);
    this.#o.replica.setMeta('credential_account', null);
  }

  /** True when the replica was filled from another cloud (then it and its entry are dropped). */
  async belongsToOtherCloud(): Promise<boolean> {
    const stored = this.#o.replica.getMeta('cloud_id');
    if (stored === null || stored === this.#o.cloudId) return false;
    await this.forget();
    this.#o.log.info('replica belonged to another cloud; cleared', { previous: stored });
    return true;
  }

  async #delete(key: string): Promise<void> {
    await this.#store.delete(key).catch((err: unknown) =>
      this.#o.log.error('could not delete the stored credential', {
        message: AppError.from(err).message,
      }),
    );
  }
}
