// The desktop core: ONE object that owns the replica, the cloud client, the credential, sync state
// and events. Opening and wiring its parts is open.ts; the signed-in session is session.ts; the
// organization's reads are src-main/org/reads.ts; Settings as applied, src-main/settings/applied.ts.
import { isoNow, type Clock } from '../../src-shared/clock.ts';
import type { FetchLike } from '../settings/proxy-fetch.ts';
import type { AppSettings } from '../settings/settings.ts';
import type { BorrowNotices } from '../borrow/reminders.ts';
import type { SettingsView } from '../../src-shared/settings/settings.ts';
import type { BridgeEvents, EventName } from '../../src-shared/bridge/contract.ts';
import type { AccountView, DemoAccount } from '../../src-shared/domain/account.ts';
import type { LicenseView } from '../../src-shared/domain/license.ts';
import type { SessionState, SyncStatus } from '../../src-shared/domain/session.ts';
import { AppError } from '../../src-shared/errors.ts';
import type { CredentialStore } from '../credentials/credential-store.ts';
import type { Replica } from '../store/replica.ts';
import type { ServerPoolEntry } from '../store/snapshot.ts';
import type { CloudClient } from '../sync/cloud-client.ts';
import type { SyncEngine } from '../sync/engine.ts';
import type { OrgAdmin } from '../org/admin.ts';
import type { UsersQuery } from '../org/state.ts';
import type {
  OrgInvitationRow,
  OrgPurchaseRow,
  OrgUsersPage,
} from '../../src-shared/domain/org.ts';
import type { CoreOptions, SeatsAttachment } from './options.ts';
import { readDemoAccounts } from './demo-accounts.ts';
import type { CoreEventName, CoreEvents } from './events.ts';
import type { Logger } from './log.ts';
import { openCore, type CoreParts } from './open.ts';

export type { CoreOptions, SeatsAttachment } from './options.ts';

export class Core {
  readonly dataDir: string;
  /** True when the cloud is the embedded demo server. */
  readonly demo: boolean;
  readonly log: Logger;
  readonly replica: Replica;
  readonly client: CloudClient;
  /** The seat service, when one is attached; closed with the core. */
  seats: SeatsAttachment | null = null;
  /** Borrow reminders made on this machine, listed with the notifications (issue 13). */
  readonly borrowReminders: BorrowNotices;
  /** The one clock every rule of the desktop reads (docs/time.md). */
  readonly clock: Clock;
  /** How every cloud call is sent: through the proxy of Settings (or --proxy), or direct. */
  readonly cloudFetch: FetchLike;
  /** Settings (src-main/settings): read at open, changed by `settings.set`. */
  readonly settings: AppSettings;
  /** Owns sync state: online, rounds, backoff, the outbox and the feed. */
  readonly sync: SyncEngine;
  /** The organization's admin operations, queued through the outbox. */
  readonly org: OrgAdmin;
  readonly #p: CoreParts;
  #settled: Promise<void> = Promise.resolve();

  private constructor(parts: CoreParts) {
    this.#p = parts;
    this.dataDir = parts.opts.dataDir;
    this.demo = parts.demo;
    this.log = parts.log;
    this.replica = parts.replica;
    this.client = parts.client;
    this.borrowReminders = parts.borrowReminders;
    this.clock = parts.clock;
    this.cloudFetch = parts.applied.fetch;
    this.settings = parts.settings;
    this.sync = parts.sync;
    this.org = parts.org;
  }

  /** The clock's time as an ISO UTC string, for rules and stamps. */
  now(): string {
    return isoNow(this.clock);
  }

  /** Opens the replica and the credential store; fast, and never waits for the cloud. */
  static async open(opts: CoreOptions): Promise<Core> {
    return new Core(await openCore(opts));
  }

  /**
   * Restores the session in the background (silent refresh, or offline from the replica) and
   * starts the periodic sync. `settled()` resolves once that first attempt is over.
   */
  start(): void {
    this.#settled = this.#p.session
      .restore()
      .catch((err) => this.log.error('startup failed', { message: AppError.from(err).message }));
    this.sync.startTimer(this.#p.opts.syncIntervalMs ?? 5 * 60_000);
  }

  /** Resolves when the startup attempt to reach the cloud has succeeded or failed. */
  settled(): Promise<void> {
    return this.#settled;
  }

  on<E extends CoreEventName>(name: E, listener: (payload: CoreEvents[E]) => void): () => void {
    return this.#p.events.on(name, listener);
  }

  /** Resolves with the next event `name` whose payload satisfies `until`. */
  next<E extends CoreEventName>(
    name: E,
    until?: (p: CoreEvents[E]) => boolean,
  ): Promise<CoreEvents[E]> {
    return this.#p.events.next(name, until);
  }

  /** Lets attached services (seats, …) push their bridge events through the core. */
  publish<E extends EventName>(name: E, payload: BridgeEvents[E]): void {
    this.#p.events.emit(name, payload as CoreEvents[E]);
  }

  /** Where refresh credentials are kept; the license server keeps its own entry there too. */
  get credentials(): CredentialStore {
    return this.#p.credential.store;
  }

  get credentialStorage(): CredentialStore['storage'] {
    return this.#p.credential.store.storage;
  }

  /** Per cloud request: --request-timeout of tests, else the connect timeout of Settings. */
  timeoutMs(): number {
    return this.#p.applied.timeoutMs();
  }

  settingsView(): SettingsView {
    return this.#p.applied.view({
      cloudUrlInUse: this.demo ? 'the embedded demo cloud' : this.cloudUrl(),
      passwordStorage: this.credentialStorage,
    });
  }

  /** `settings.set`: saved, then applied to the next cloud call (a new cloud URL at the next start). */
  async setSettings(input: unknown): Promise<SettingsView> {
    await this.#p.applied.set(input);
    return this.settingsView();
  }

  cloudUrl(): string {
    return this.#p.cloudUrl();
  }

  session(): SessionState {
    return this.#p.session.view();
  }

  syncStatus(): SyncStatus {
    return this.sync.status();
  }

  demoAccounts(): DemoAccount[] {
    return this.#p.embedded ? readDemoAccounts(this.#p.embedded.seedFile) : [];
  }

  account(): AccountView {
    return this.#p.session.account();
  }

  licenses(): LicenseView[] {
    this.#p.session.require();
    return this.replica.licenses();
  }

  /** The organization's users from the replica, pending changes included (admins only). */
  orgUsers(q: UsersQuery, now: string): OrgUsersPage {
    return this.#p.reads.users(q, now);
  }

  /** Every user a filter matches, as ids in the list's order (admins only). */
  orgUserIds(q: UsersQuery): { ids: string[]; total: number } {
    return this.#p.reads.userIds(q);
  }

  orgInvitations(filter: { status?: string; mine?: boolean }): OrgInvitationRow[] {
    return this.#p.reads.invitations(filter);
  }

  orgPurchases(): OrgPurchaseRow[] {
    return this.#p.reads.purchases();
  }

  /** Seats the cloud allows this machine's license server to serve (the replica's server_pool). */
  serverPool(): ServerPoolEntry[] {
    return this.#p.session.signedIn ? this.replica.serverPool() : [];
  }

  /** Calls `listener` with the new pool whenever a sync or sign-out changes it. */
  onServerPoolChanged(listener: (pool: ServerPoolEntry[]) => void): () => void {
    return this.#p.events.on('pool.changed', listener);
  }

  async signIn(email: string, password: string): Promise<SessionState> {
    await this.#p.session.signIn(email, password, () => this.seats);
    return this.session();
  }

  /** Cloud sign-out (best effort), then the keychain entry and the replica are deleted. */
  async signOut(): Promise<SessionState> {
    await this.#p.session.signOut();
    return this.session();
  }

  /**
   * Reset demo: signs out, reloads the embedded cloud from the demo seed (its dates relative to
   * now again) and activates the license server on it anew. Demo mode only.
   */
  async resetDemo(): Promise<SessionState> {
    const cloud = this.#p.embedded;
    if (!cloud)
      throw new AppError(
        'not_demo',
        `Reset demo is only for the embedded demo; this app uses the cloud at ${this.cloudUrl()}.`,
      );
    this.log.info('resetting the demo');
    await this.signOut();
    await cloud.reset();
    await this.seats?.onDemoReset?.();
    return this.session();
  }

  async changePassword(currentPassword: string, newPassword: string): Promise<{ changed: true }> {
    this.#p.session.require();
    try {
      return await this.client.changePassword({ currentPassword, newPassword });
    } catch (err) {
      this.sync.noteCloudError(err);
      throw err;
    }
  }

  /** Pulls now; answers the status (offline is a status, not an error). */
  async syncNow(): Promise<SyncStatus> {
    this.#p.session.require();
    await this.sync.freshRound();
    return this.syncStatus();
  }

  async close(): Promise<void> {
    if (this.#p.closed.value) return;
    this.#p.closed.value = true;
    this.#p.session.endEpoch();
    this.sync.stop();
    // Abort requests in flight and stop the embedded cloud first, so nothing below waits on them.
    this.client.close();
    await this.#p.embedded?.close();
    await this.sync.idle();
    await this.#settled;
    try {
      await this.seats?.close();
    } catch (err) {
      this.log.error('seat service failed to close', { message: AppError.from(err).message });
    }
    this.replica.close();
  }
}
