// The desktop's session and sync state, as the status bar and sign-in screen show it.
import type { AccountView } from './account.ts';

/** Where the refresh credential is kept; `memory` means it is lost when the app stops. */
export type CredentialStorage = 'keychain' | 'file' | 'memory';

export interface FailedChange {
  id: string;
  description: string;
  code: string;
  message: string;
  at: string;
}

export interface SyncStatus {
  online: boolean;
  /** ISO time of the last successful pull, null before the first. */
  lastSyncAt: string | null;
  syncing: boolean;
  pending: number;
  failed: FailedChange[];
  /** Why the cloud is unreachable, when it is. */
  message?: string;
  /** While a pull of many rows is under way (a first sync): how far it is. */
  progress?: SyncProgress;
}

/** Rows of a paged pull received from the cloud and written aside so far, of `total` if known. */
export interface SyncProgress {
  received: number;
  applied: number;
  total?: number;
}

export interface SessionState {
  signedIn: boolean;
  account: AccountView | null;
  /** True when the cloud is the embedded demo server. */
  demo: boolean;
  cloudUrl: string;
  credentialStorage: CredentialStorage;
  /** A notice for the user about credential storage (e.g. no OS keychain). */
  credentialNotice?: string;
  sync: SyncStatus;
}
