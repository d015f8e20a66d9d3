// Chooses where the refresh credential lives: the opted-in file, else the OS keychain, else memory (with a notice).
import type { CredentialStore } from './credential-store.ts';
import { FileCredentialStore } from './file-store.ts';
import { KeychainCredentialStore } from './keychain-store.ts';
import { MemoryCredentialStore } from './memory-store.ts';

export interface OpenCredentialsOptions {
  /** `--credential-file`: the operator opted in to a 0600 file. */
  credentialFile?: string;
  /** Keychain service name (tests may use their own). */
  service?: string;
}

export async function openCredentialStore(
  opts: OpenCredentialsOptions = {},
): Promise<CredentialStore> {
  if (opts.credentialFile) {
    const store = new FileCredentialStore(opts.credentialFile);
    store.ensure();
    return store;
  }
  const keychain = new KeychainCredentialStore(opts.service);
  try {
    await keychain.probe();
    return keychain;
  } catch {
    return new MemoryCredentialStore();
  }
}

export type { CredentialStore };
