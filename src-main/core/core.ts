// The desktop core: ONE object that owns the replica, the cloud client, the credential, sync state and events.
import { isoNow, systemClock, type Clock } from '../../src-shared/clock.ts';
import { proxiedFetch, type FetchLike } from '../settings/proxy-fetch.ts';
import { AppSettings } from '../settings/settings.ts';
import { BorrowNotices } from '../borrow/reminders.ts';
import type { SettingsView } from '../../src-shared/settings/settings.ts';
import { join } from 'node:path';
import type { BridgeEvents, EventName } from '../../src-shared/bridge/contract.ts';
import type { AccountView, DemoAccount } from '../../src-shared/domain/account.ts';
import type { LicenseView } from '../../src-shared/domain/license.ts';
import type { SessionState, SyncStatus } from '../../src-shared/domain/session.ts';
import { AppError } from '../../src-shared/errors.ts';
import type { CredentialStore } from '../credentials/credential-store.ts';
import { openCredentialStore } from '../credentials/open-credentials.ts';
import { Replica } from '../store/replica.ts';
import type { ServerPoolEntry } from '../store/snapshot.ts';
import { snapshotParts } from '../store/snapshot.ts';
import { CloudClient } from '../sync/cloud-client.ts';
import { SyncEngine } from '../sync/engine.ts';
import { FailedKeep } from '../sync/failed-keep.ts';
import { OrgAdmin } from '../org/admin.ts';
import type { UsersQuery } from '../org/state.ts';
import type {
  OrgInvitationRow,
  OrgPurchaseRow,
  OrgUsersPage,
} from '../../src-shared/domain/org.ts';
import type { CoreOptions, SeatsAttachment } from './options.ts';
import { readDemoAccounts } from './demo-accounts.ts';
import { SessionCredential } from './session-credential.ts';
import { EmbeddedCloud } from './embedded-cloud.ts';
import type { CoreEventName, CoreEvents } from './events.ts';
import { CoreEmitter } from './events.ts';
import type { Logger } from './log.ts';
import { createLogger } from './log.ts';
import { productLabel } from '../../src-shared/products.ts';

export type { CoreOptions, SeatsAttachment } from './options.ts';

const NOT_SIGNED_IN = 'Sign in first.';

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

  readonly #opts: CoreOptions;
  /** The one clock every rule of the desktop reads (docs/time.md). */
  readonly clock: Clock;
  /** How every cloud call is sent: through the proxy of Settings (or --proxy), or direct. */
  readonly cloudFetch: FetchLike;
  /** Settings (src-main/settings): read at open, changed by `settings.set`. */
  readonly settings: AppSettings;
  #proxyFetch: FetchLike | null = null;
  readonly #events = new CoreEmitter();
  /** The embedded demo cloud; null when the app uses a real cloud. */
  readonly #embedded: EmbeddedCloud | null;
  /** Owns sync state: online, rounds, backoff, the outbox and the feed. */
  readonly sync: SyncEngine;
  /** The organization's admin operations, queued through the outbox. */
  readonly org: OrgAdmin;
  readonly #credential: SessionCredential;
  readonly #failedKeep: FailedKeep;
  #signedIn = false;
  #proxyPasswordSet = false;
  /** The account as the last sign-in/refresh answered it, until the replica holds it. */
  #lastAccount: AccountView | null = null;
  /** Bumped by sign-in and sign-out, so a pull started before never lands after. */
  #epoch = 0;
  #names: { at: string | null; map: Map<string, string> } | null = null;
  #settled: Promise<void> = Promise.resolve();
  #closed = false;

  private constructor(
    opts: CoreOptions,
    replica: Replica,
    credentials: CredentialStore,
    log: Logger,
    settings: AppSettings,
    proxyUrl: string | null,
  ) {
    this.#opts = opts;
    this.settings = settings;
    this.dataDir = opts.dataDir;
    this.#failedKeep = new FailedKeep(opts.dataDir);
    this.borrowReminders = new BorrowNotices(opts.dataDir, () =>
      this.publish('data.changed', { tables: ['notifications'] }),
    );
    this.demo = !opts.cloudUrl;
    this.clock = opts.clock ?? systemClock;
    this.#proxyFetch = proxyUrl ? proxiedFetch(proxyUrl) : null;
    // One stable function: a proxy changed in Settings applies to the next call of every client.
    this.cloudFetch = (url, init) => (this.#proxyFetch ?? fetch)(url, init);
    this.log = log;
    this.replica = replica;
    this.#credential = new SessionCredential({
      replica,
      store: credentials,
      log,
      dataDir: opts.dataDir,
      cloudId: this.demo ? 'embedded' : (opts.cloudUrl as string),
      credentialFile: opts.credentialFile,
    });
    this.#embedded = this.demo
      ? new EmbeddedCloud({
          dataDir: opts.dataDir,
          seedFile: opts.seedFile,
          log,
          launcher: opts.launchCloud,
          clockShiftMs: opts.clockShiftMs ?? 0,
        })
      : null;
    const embedded = this.#embedded;
    this.client = new CloudClient({
      baseUrl: embedded ? () => embedded.url() : (opts.cloudUrl as string),
      timeoutMs: () => this.timeoutMs(),
      clock: this.clock,
      fetch: this.cloudFetch,
      onRefreshToken: (token, account) => this.#storeRefreshToken(token, account),
      onSecret: (s) => log.redact(s),
      // The sync engine exists once the constructor has run; requests come only after that.
      onUnreachable: (e) => this.sync.noteCloudError(e),
    });
    this.sync = new SyncEngine(
      {
        client: this.client,
        replica,
        log,
        clock: this.clock,
        emit: (name, payload) => this.#events.emit(name, payload),
        signedIn: () => this.#signedIn,
        epoch: () => this.#epoch,
        closed: () => this.#closed,
        confirmed: (changedSession) => {
          const was = this.#signedIn;
          this.#signedIn = true;
          if (changedSession || !was) this.#emitSession();
        },
        sessionEnded: (message) => this.#sessionEnded(message),
        emitSession: () => this.#emitSession(),
      },
      { reconnect: opts.reconnect },
    );
    this.org = new OrgAdmin({
      store: this.sync.store,
      state: this.sync.state,
      now: () => this.now(),
      me: () => {
        const a = this.account();
        return { id: a.id, email: a.email };
      },
      productName: (code) => this.#productName(code),
      queued: (effects) => this.sync.kick(effects),
    });
  }

  /** The clock's time as an ISO UTC string, for rules and stamps. */
  now(): string {
    return isoNow(this.clock);
  }

  /** Opens the replica and the credential store; fast, and never waits for the cloud. */
  static async open(opts: CoreOptions): Promise<Core> {
    const log = createLogger({ file: join(opts.dataDir, 'logs', 'core.log'), echo: opts.logEcho });
    const replica = Replica.open(opts.dataDir);
    const credentials = await openCredentialStore({
      credentialFile: opts.credentialFile,
      service: opts.keychainService,
    });
    if (credentials.storage === 'memory') log.info(credentials.notice ?? 'credential in memory');
    // Settings fill what the flags leave open: --cloud and --proxy (CLM_PROXY) win for this run.
    let core: Core | null = null;
    const settings = new AppSettings(opts.dataDir, () => core?.credentials ?? credentials);
    if (settings.refused) log.warn(settings.refused);
    const saved = settings.file;
    const proxyUrl = opts.proxyUrl ?? (await settings.proxyUrl().catch(() => null));
    const withSettings: CoreOptions = { ...opts, cloudUrl: opts.cloudUrl ?? saved.cloudUrl };
    core = new Core(withSettings, replica, credentials, log, settings, proxyUrl);
    core.#proxyPasswordSet = (await settings.password().catch(() => null)) !== null;
    // The demo cloud takes a few hundred ms to boot: start it now, not at the first request.
    void core.#embedded?.url().catch(() => undefined);
    if (await core.#credential.belongsToOtherCloud()) replica.destroy();
    return core;
  }

  /**
   * Restores the session in the background (silent refresh, or offline from the replica) and
   * starts the periodic sync. `settled()` resolves once that first attempt is over.
   */
  start(): void {
    this.#settled = this.#restore().catch((err) =>
      this.log.error('startup failed', { message: AppError.from(err).message }),
    );
    this.sync.startTimer(this.#opts.syncIntervalMs ?? 5 * 60_000);
  }

  /** Resolves when the startup attempt to reach the cloud has succeeded or failed. */
  settled(): Promise<void> {
    return this.#settled;
  }

  on<E extends CoreEventName>(name: E, listener: (payload: CoreEvents[E]) => void): () => void {
    return this.#events.on(name, listener);
  }

  /** Resolves with the next event `name` whose payload satisfies `until`. */
  next<E extends CoreEventName>(
    name: E,
    until?: (p: CoreEvents[E]) => boolean,
  ): Promise<CoreEvents[E]> {
    return this.#events.next(name, until);
  }

  /** Lets attached services (seats, …) push their bridge events through the core. */
  publish<E extends EventName>(name: E, payload: BridgeEvents[E]): void {
    this.#events.emit(name, payload as CoreEvents[E]);
  }

  /** Where refresh credentials are kept; the license server keeps its own entry there too. */
  get credentials(): CredentialStore {
    return this.#credential.store;
  }

  get credentialStorage(): CredentialStore['storage'] {
    return this.#credential.store.storage;
  }

  /** Per cloud request: --request-timeout of tests, else the connect timeout of Settings. */
  timeoutMs(): number {
    return this.#opts.requestTimeoutMs ?? this.settings.connectTimeoutSeconds() * 1000;
  }

  settingsView(): SettingsView {
    const f = this.settings.file;
    return {
      cloudUrl: f.cloudUrl ?? null,
      cloudUrlInUse: this.demo ? 'the embedded demo cloud' : this.cloudUrl(),
      proxyUrl: f.proxyUrl ?? null,
      proxyUser: f.proxyUser ?? null,
      proxyPasswordSet: this.#proxyPasswordSet,
      passwordStorage: this.credentialStorage,
      connectTimeoutSeconds: this.settings.connectTimeoutSeconds(),
      proxyOverride: this.#opts.proxyUrl ? redactProxy(this.#opts.proxyUrl) : null,
    };
  }

  /** `settings.set`: saved, then applied to the next cloud call (a new cloud URL at the next start). */
  async setSettings(input: unknown): Promise<SettingsView> {
    await this.settings.set(input);
    this.#proxyPasswordSet = (await this.settings.password().catch(() => null)) !== null;
    if (!this.#opts.proxyUrl) {
      const proxy = await this.settings.proxyUrl();
      this.#proxyFetch = proxy ? proxiedFetch(proxy) : null;
    }
    this.log.info('settings changed', { proxy: this.settings.file.proxyUrl ?? 'none' });
    return this.settingsView();
  }

  cloudUrl(): string {
    return this.#opts.cloudUrl ?? this.#embedded?.currentUrl ?? '';
  }

  session(): SessionState {
    const state: SessionState = {
      signedIn: this.#signedIn,
      account: this.#signedIn ? (this.replica.account() ?? this.#lastAccount) : null,
      demo: this.demo,
      cloudUrl: this.cloudUrl(),
      credentialStorage: this.#credential.store.storage,
      sync: this.syncStatus(),
    };
    const notice = this.#credential.notice();
    if (notice) state.credentialNotice = notice;
    return state;
  }

  syncStatus(): SyncStatus {
    return this.sync.status();
  }

  demoAccounts(): DemoAccount[] {
    return this.#embedded ? readDemoAccounts(this.#embedded.seedFile) : [];
  }

  account(): AccountView {
    const account = this.#signedIn ? (this.replica.account() ?? this.#lastAccount) : null;
    if (!account) throw new AppError('unauthorized', NOT_SIGNED_IN);
    return account;
  }

  licenses(): LicenseView[] {
    this.#requireSession();
    return this.replica.licenses();
  }

  /** The organization's users from the replica, pending changes included (admins only). */
  orgUsers(q: UsersQuery, now: string): OrgUsersPage {
    this.#requireSession();
    return this.sync.state.users(q, (c) => this.#productName(c), now);
  }

  /** Every user a filter matches, as ids in the list's order (admins only). */
  orgUserIds(q: UsersQuery): { ids: string[]; total: number } {
    this.#requireSession();
    return this.sync.state.userIds(q);
  }

  orgInvitations(filter: { status?: string; mine?: boolean }): OrgInvitationRow[] {
    return this.sync.state.invitations(filter, this.account().email);
  }

  orgPurchases(): OrgPurchaseRow[] {
    this.#requireSession();
    return this.sync.state.purchases((c) => this.#productName(c));
  }

  /** Seats the cloud allows this machine's license server to serve (the replica's server_pool). */
  serverPool(): ServerPoolEntry[] {
    return this.#signedIn ? this.replica.serverPool() : [];
  }

  /** Calls `listener` with the new pool whenever a sync or sign-out changes it. */
  onServerPoolChanged(listener: (pool: ServerPoolEntry[]) => void): () => void {
    return this.#events.on('pool.changed', listener);
  }

  async signIn(email: string, password: string): Promise<SessionState> {
    const previousToken = this.#signedIn ? await this.#credential.load() : null;
    this.#epoch++;
    let answer;
    try {
      answer = await this.client.signIn(email, password);
    } catch (err) {
      this.sync.noteCloudError(err);
      throw err;
    }
    if (previousToken) void this.client.revoke(previousToken).catch(() => undefined);
    this.#restoreFailed(answer.account.id);
    this.#signedIn = true;
    this.#lastAccount = answer.account;
    this.sync.setOnline(true);
    this.log.info('signed in', { account: answer.account.id });
    // The license server gets a session of its own from this one, never the password.
    const delegate = () => this.client.delegate('license-server');
    void this.seats?.onSignIn?.(delegate).catch(() => undefined);
    this.#emitSession();
    await this.sync.freshRound();
    return this.session();
  }

  /** Cloud sign-out (best effort), then the keychain entry and the replica are deleted. */
  async signOut(): Promise<SessionState> {
    this.#epoch++;
    this.sync.stop();
    try {
      await this.client.signOut();
    } catch (err) {
      this.log.warn('cloud sign-out failed; signing out locally', {
        message: AppError.from(err).message,
      });
    }
    await this.#credential.forget();
    this.#keepFailed();
    this.replica.destroy();
    this.sync.reset();
    this.#signedIn = false;
    this.#lastAccount = null;
    this.sync.setMessage(undefined);
    this.log.info('signed out');
    this.#events.emit('data.changed', { tables: [...snapshotParts] });
    this.#events.emit('pool.changed', []);
    this.#emitSession();
    this.#emitStatus();
    return this.session();
  }

  /**
   * Reset demo: signs out, reloads the embedded cloud from the demo seed (its dates relative to
   * now again) and activates the license server on it anew. Demo mode only.
   */
  async resetDemo(): Promise<SessionState> {
    const cloud = this.#embedded;
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
    this.#requireSession();
    try {
      return await this.client.changePassword({ currentPassword, newPassword });
    } catch (err) {
      this.sync.noteCloudError(err);
      throw err;
    }
  }

  /** Pulls now; answers the status (offline is a status, not an error). */
  async syncNow(): Promise<SyncStatus> {
    this.#requireSession();
    await this.sync.freshRound();
    return this.syncStatus();
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#epoch++;
    this.sync.stop();
    // Abort requests in flight and stop the embedded cloud first, so nothing below waits on them.
    this.client.close();
    await this.#embedded?.close();
    await this.sync.idle();
    await this.#settled;
    try {
      await this.seats?.close();
    } catch (err) {
      this.log.error('seat service failed to close', { message: AppError.from(err).message });
    }
    this.replica.close();
  }

  // --- internals ---

  async #restore(): Promise<void> {
    const token = await this.#credential.load();
    if (!token) {
      this.#signedIn = false;
      this.#emitSession();
      await this.sync.round();
      return;
    }
    this.client.setRefreshToken(token);
    // The replica is shown at once; the refresh below confirms the session or marks it offline.
    this.#signedIn = this.replica.account() !== null;
    this.#emitSession();
    await this.sync.round();
  }

  async #sessionEnded(message: string): Promise<void> {
    this.#epoch++;
    await this.#credential.forget();
    this.#signedIn = false;
    this.#lastAccount = null;
    this.sync.setMessage(message);
    this.log.warn('session ended', { message });
    this.#emitSession();
    this.#emitStatus();
  }

  /** Saves each new refresh token at once; another account's data never stays beside it. */
  async #storeRefreshToken(token: string, account: AccountView): Promise<void> {
    const prevId = this.replica.accountId();
    if (prevId !== null && prevId !== account.id) {
      await this.#credential.forget();
      this.#keepFailed();
      this.replica.destroy();
      this.sync.reset();
      this.#events.emit('data.changed', { tables: [...snapshotParts] });
    }
    const { storageChanged } = await this.#credential.save(token, account);
    if (storageChanged) this.#emitSession();
  }

  /** The replica is about to go: its failed changes are kept for the account (issue 18). */
  #keepFailed(): void {
    const id = this.replica.accountId();
    if (id !== null) this.#failedKeep.keep(id, this.sync.store.failed());
  }

  /** Failed changes kept at the account's last sign-out come back until dismissed. */
  #restoreFailed(accountId: string): void {
    const kept = this.#failedKeep.take(accountId);
    if (!kept.length) return;
    this.sync.store.restoreFailed(kept);
    this.#emitStatus();
  }

  #requireSession(): void {
    if (!this.#signedIn) throw new AppError('unauthorized', NOT_SIGNED_IN);
  }

  #emitStatus(): void {
    this.#events.emit('sync.status', this.syncStatus());
  }

  /** Product names from the catalogue in the replica; one query per sync, not per row. */
  #productName(code: string): string {
    const at = this.replica.lastSyncAt();
    if (!this.#names || this.#names.at !== at)
      this.#names = { at, map: new Map(this.replica.products().map((p) => [p.code, p.name])) };
    return productLabel(code, this.#names.map.get(code));
  }

  #emitSession(): void {
    this.#events.emit('session.changed', this.session());
  }
}

/** A proxy URL as shown: its password never. */
function redactProxy(url: string): string {
  try {
    const u = new URL(url);
    u.password = '';
    return u.href.replace(/\/$/, '');
  } catch {
    return 'an unreadable proxy URL';
  }
}
