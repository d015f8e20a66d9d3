// The interface every place that keeps the refresh credential implements (keychain, file, memory).
import type { CredentialStorage } from '../../src-shared/domain/session.ts';

export interface CredentialStore {
  readonly storage: CredentialStorage;
  /** Shown to the user when the storage has a consequence they must know about. */
  readonly notice?: string;
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  delete(account: string): Promise<void>;
}

/** The keychain service name every entry of the app is filed under. */
export const KEYCHAIN_SERVICE = 'Chaos License Manager';

export const NO_KEYCHAIN_NOTICE =
  'No OS keychain is available: you will have to sign in again after a restart. ' +
  'Start with --credential-file to keep it in a file readable only by you.';
