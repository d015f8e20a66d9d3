// The signed-in session of the core: sign-in, sign-out, the restore at start, each rotated refresh
// token saved at once, the cloud ending the session, and the failed changes kept across a
// sign-out until dismissed (issue 18). Core (core.ts) answers the bridge with it.
import type { AccountView } from '../../src-shared/domain/account.ts';
import type { SessionState } from '../../src-shared/domain/session.ts';
import { AppError } from '../../src-shared/errors.ts';
import type { Replica } from '../store/replica.ts';
import { snapshotParts } from '../store/snapshot.ts';
import type { CloudClient } from '../sync/cloud-client.ts';
import type { SyncEngine } from '../sync/engine.ts';
import type { FailedKeep } from '../sync/failed-keep.ts';
import type { CoreEmitter } from './events.ts';
import type { Logger } from './log.ts';
import type { SeatsAttachment } from './options.ts';
import type { SessionCredential } from './session-credential.ts';

const NOT_SIGNED_IN = 'Sign in first.';

export interface CoreSessionOptions {
  replica: Replica;
  client: CloudClient;
  sync: SyncEngine;
  credential: SessionCredential;
  failedKeep: FailedKeep;
  log: Logger;
  events: CoreEmitter;
  /** True when the cloud is the embedded demo server. */
  demo: boolean;
  cloudUrl: () => string;
}

export class CoreSession {
  readonly #o: CoreSessionOptions;
  #signedIn = false;
  /** The account as the last sign-in/refresh answered it, until the replica holds it. */
  #lastAccount: AccountView | null = null;
  /** Bumped by sign-in and sign-out, so a pull started before never lands after. */
  #epoch = 0;

  constructor(opts: CoreSessionOptions) {
    this.#o = opts;
  }

  get signedIn(): boolean {
    return this.#signedIn;
  }

  get epoch(): number {
    return this.#epoch;
  }

  /** A closing core: an answer to a request sent before must not land. */
  endEpoch(): void {
    this.#epoch++;
  }

  view(): SessionState {
    const { credential, sync } = this.#o;
    const state: SessionState = {
      signedIn: this.#signedIn,
      account: this.#signedIn ? (this.#o.replica.account() ?? this.#lastAccount) : null,
      demo: this.#o.demo,
      cloudUrl: this.#o.cloudUrl(),
      credentialStorage: credential.store.storage,
      sync: sync.status(),
    };
    const notice = credential.notice();
    if (notice) state.credentialNotice = notice;
    return state;
  }

  account(): AccountView {
    const account = this.#signedIn ? (this.#o.replica.account() ?? this.#lastAccount) : null;
    if (!account) throw new AppError('unauthorized', NOT_SIGNED_IN);
    return account;
  }

  require(): void {
    if (!this.#signedIn) throw new AppError('unauthorized', NOT_SIGNED_IN);
  }

  /** A pull succeeded with the session's credentials (SyncHost.confirmed). */
  confirmed(changedSession: boolean): void {
    const was = this.#signedIn;
    this.#signedIn = true;
    if (changedSession || !was) this.emitSession();
  }

  async signIn(
    email: string,
    password: string,
    seats: () => SeatsAttachment | null,
  ): Promise<void> {
    const { client, sync, log } = this.#o;
    const previousToken = this.#signedIn ? await this.#o.credential.load() : null;
    this.#epoch++;
    let answer;
    try {
      answer = await client.signIn(email, password);
    } catch (err) {
      sync.noteCloudError(err);
      throw err;
    }
    if (previousToken) void client.revoke(previousToken).catch(() => undefined);
    this.#restoreFailed(answer.account.id);
    this.#signedIn = true;
    this.#lastAccount = answer.account;
    sync.setOnline(true);
    log.info('signed in', { account: answer.account.id });
    // The license server gets a session of its own from this one, never the password.
    const delegate = () => client.delegate('license-server');
    void seats()
      ?.onSignIn?.(delegate)
      .catch(() => undefined);
    this.emitSession();
    await sync.freshRound();
  }

  /** Cloud sign-out (best effort), then the keychain entry and the replica are deleted. */
  async signOut(): Promise<void> {
    const { client, sync, log, events } = this.#o;
    this.#epoch++;
    sync.stop();
    try {
      await client.signOut();
    } catch (err) {
      log.warn('cloud sign-out failed; signing out locally', {
        message: AppError.from(err).message,
      });
    }
    await this.#o.credential.forget();
    this.#keepFailed();
    this.#o.replica.destroy();
    sync.reset();
    this.#signedIn = false;
    this.#lastAccount = null;
    sync.setMessage(undefined);
    log.info('signed out');
    events.emit('data.changed', { tables: [...snapshotParts] });
    events.emit('pool.changed', []);
    this.emitSession();
    this.#emitStatus();
  }

  /** At start: the stored session, shown from the replica at once, then confirmed or offline. */
  async restore(): Promise<void> {
    const { client, sync } = this.#o;
    const token = await this.#o.credential.load();
    if (!token) {
      this.#signedIn = false;
      this.emitSession();
      await sync.round();
      return;
    }
    client.setRefreshToken(token);
    // The replica is shown at once; the refresh below confirms the session or marks it offline.
    this.#signedIn = this.#o.replica.account() !== null;
    this.emitSession();
    await sync.round();
  }

  /** The cloud ended the session (SyncHost.sessionEnded). */
  async ended(message: string): Promise<void> {
    this.#epoch++;
    await this.#o.credential.forget();
    this.#signedIn = false;
    this.#lastAccount = null;
    this.#o.sync.setMessage(message);
    this.#o.log.warn('session ended', { message });
    this.emitSession();
    this.#emitStatus();
  }

  /** Saves each new refresh token at once; another account's data never stays beside it. */
  async storeRefreshToken(token: string, account: AccountView): Promise<void> {
    const { replica, credential } = this.#o;
    const prevId = replica.accountId();
    if (prevId !== null && prevId !== account.id) {
      await credential.forget();
      this.#keepFailed();
      replica.destroy();
      this.#o.sync.reset();
      this.#o.events.emit('data.changed', { tables: [...snapshotParts] });
    }
    const { storageChanged } = await credential.save(token, account);
    if (storageChanged) this.emitSession();
  }

  emitSession(): void {
    this.#o.events.emit('session.changed', this.view());
  }

  /** The replica is about to go: its failed changes are kept for the account (issue 18). */
  #keepFailed(): void {
    const id = this.#o.replica.accountId();
    if (id !== null) this.#o.failedKeep.keep(id, this.#o.sync.store.failed());
  }

  /** Failed changes kept at the account's last sign-out come back until dismissed. */
  #restoreFailed(accountId: string): void {
    const kept = this.#o.failedKeep.take(accountId);
    if (!kept.length) return;
    this.#o.sync.store.restoreFailed(kept);
    this.#emitStatus();
  }

  #emitStatus(): void {
    this.#o.events.emit('sync.status', this.#o.sync.status());
  }
}
