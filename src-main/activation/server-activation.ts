// The license server's activation (docs/requirements.md §6, docs/activation.md): the account it is activated
// with (its own refresh token in the credential store, separate from the UI session), its machine
// identity, the pinned cloud key, and the seat pool from the verified entitlement only.
import { hostname } from 'node:os';
import type { SeatServerIdentity } from '../../src-shared/bridge/calls/seats.ts';
import type { TokenAnswer } from '../../src-shared/cloud-api/schemas.ts';
import type { LicenseServerRouteName } from '../../src-shared/cloud-api/license-servers.ts';
import type { DemoAccount } from '../../src-shared/domain/account.ts';
import type { TrustedKey } from '../../src-shared/activation/verify.ts';
import type { BorrowRouteName } from '../../src-shared/cloud-api/borrow.ts';
import { AppError } from '../../src-shared/errors.ts';
import type { CredentialStore } from '../credentials/credential-store.ts';
import type { SeatService } from '../seats/service.ts';
import { CloudClient } from '../sync/cloud-client.ts';
import { EntitlementSource } from './entitlement.ts';
import { loadMachineIdentity, type MachineIdentity } from './identity.ts';
import { importCrt } from './import-crt.ts';
import { activationRequest } from './request-file.ts';
import { CloudTrust } from './trust.ts';

export interface ActivationOptions {
  service: SeatService;
  /** Where the cloud answers (the embedded demo starts on first use). */
  baseUrl: () => Promise<string>;
  /** 'embedded' for the demo, else the cloud URL: an activation belongs to one cloud. */
  cloudId: string;
  /** The URL to show; empty while the embedded cloud is not started. */
  cloudUrl: () => string;
  demo: boolean;
  demoAccounts: () => DemoAccount[];
  credentials: () => CredentialStore;
  dataDir: string;
  /** The core's clock, as an ISO time (docs/time.md). */
  now: () => string;
  /** The core's clock in ms: entitlement validity. */
  clock: () => number;
  /** Overrides the OS machine id in the fingerprint (--machine-id). */
  machineId?: string;
  /** The core's way to the cloud (its proxy settings). */
  fetch?: (url: string, init: RequestInit) => Promise<Response>;
  /** The connect timeout of Settings, read at each request. */
  timeoutMs?: () => number;
  /** How often the entitlement is renewed and its expiry checked (default 60 s). */
  refreshMs?: number;
  log?: (message: string, fields?: Record<string, string>) => void;
}

const META_EMAIL = 'activation.email';
const META_CLOUD = 'activation.cloud';
const META_FETCHED = 'activation.pool_fetched_at';
export { CLOUD_SOURCE } from './entitlement.ts';

export class ServerActivation {
  readonly source: EntitlementSource;
  readonly trust: CloudTrust;
  private readonly client: CloudClient;
  private readonly opts: ActivationOptions;
  private email: string | null;
  private machine: MachineIdentity | null = null;
  private message: string | undefined;
  private timer: NodeJS.Timeout | null = null;
  private fetching: Promise<void> | null = null;
  private fetchingEpoch = -1;
  private closed = false;
  /** Activations run one after another (a `clm activate` during the demo's own start waits). */
  private chain: Promise<unknown> = Promise.resolve();
  /** Bumped by every activation: an entitlement fetched for the previous account is dropped. */
  private epoch = 0;
  /** The cloud signed a new entitlement at this time (ms): the borrows' clock guard trusts it. */
  onCloudTime: ((ms: number) => void) | null = null;
  /** Resolves when the stored entitlement was verified (or refused) after start(). */
  ready: Promise<void> = Promise.resolve();

  constructor(opts: ActivationOptions) {
    this.opts = opts;
    const cache = opts.service.pool.cache;
    this.source = new EntitlementSource(opts.dataDir, opts.clock);
    this.trust = new CloudTrust(opts.credentials, opts.cloudId, opts.dataDir);
    const cloud = cache.meta(META_CLOUD);
    this.email = cloud === opts.cloudId ? (cache.meta(META_EMAIL) ?? null) : null;
    if (cloud !== undefined && cloud !== opts.cloudId) {
      // Activated against another cloud: those seats are not this cloud's to serve.
      this.source.clear();
      cache.setMeta(META_EMAIL, '');
    }
    this.client = new CloudClient({
      baseUrl: opts.baseUrl,
      fetch: opts.fetch,
      timeoutMs: opts.timeoutMs,
      onRefreshToken: async (token, account) => {
        await opts.credentials().set(this.credentialKey(account.email), token);
      },
    });
    opts.service.addSource(this.source, 'entitlement');
  }

  private credentialKey(email: string): string {
    return `license server: ${email} @ ${this.opts.cloudId} (${this.opts.dataDir})`;
  }

  identity(): SeatServerIdentity {
    const fetched = this.opts.service.pool.cache.meta(META_FETCHED);
    const e = this.source.payload;
    const id: SeatServerIdentity = {
      account: this.email || e?.account || null,
      cloudUrl: this.opts.cloudUrl() || null,
      demo: this.opts.demo,
      poolFetchedAt: fetched || null,
      entitlement: e && {
        id: e.id,
        account: e.account,
        whose: e.whose,
        mode: e.mode,
        issuedAt: e.issuedAt,
        validUntil: e.validUntil,
        expired: this.source.expired(),
      },
    };
    if (this.machine) id.fingerprint = this.machine.fingerprint;
    const refused = this.source.loadRefusal;
    const why = refused
      ? `The stored entitlement is refused (${refused.code}): ${refused.message} It serves nothing; activate again.`
      : this.source.expired()
        ? `The entitlement expired at ${e?.validUntil}: its seats left the pool. Connect to the cloud to renew it, or import a new .crt.`
        : undefined;
    const message = [why, this.message].filter(Boolean).join(' ');
    if (message) id.message = message;
    return id;
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.chain.then(fn, fn);
    this.chain = run.catch(() => undefined);
    return run;
  }

  /** This machine's key and fingerprint (a borrow is bound to them, issue 13). */
  machineIdentity(): Promise<MachineIdentity> {
    return this.identityOfMachine();
  }

  private async identityOfMachine(): Promise<MachineIdentity> {
    this.machine ??= await loadMachineIdentity(
      this.opts.credentials(),
      this.opts.dataDir,
      this.opts.machineId,
    );
    return this.machine;
  }

  /** Verifies the stored entitlement, then restores the account (or, in the demo, activates). */
  start(): Promise<void> {
    const refreshMs = this.opts.refreshMs ?? 60_000;
    this.timer = setInterval(() => void this.refresh(), refreshMs);
    this.timer.unref();
    this.ready = this.serial(async () => {
      const machine = await this.identityOfMachine();
      this.source.load(await this.trust.pinned(), machine.fingerprint);
    }).catch((err: unknown) => {
      // No identity (the credential store failed): nothing is served, and the view says why.
      this.message = `The license server's identity could not be loaded: ${AppError.from(err).message}`;
    });
    return this.serial(() => this.restore());
  }

  private async restore(): Promise<void> {
    if (this.email) {
      const token = await this.opts
        .credentials()
        .get(this.credentialKey(this.email))
        .catch(() => null);
      if (token) {
        this.client.setRefreshToken(token);
        return this.refresh();
      }
      this.message = `The license server's credential for ${this.email} is gone; activate it again (clm activate).`;
      if (!this.opts.demo) return;
    }
    if (this.opts.demo && !this.source.payload?.account) await this.activateAsDemoAdministrator();
  }

  /** The demo's central server: the organization administrator's account, so its pool holds
   *  the organization's unassigned seats. The demo's accounts and passwords are public (the
   *  seed's sign-in screen lists them) and no user signed in yet, so a password sign-in is the
   *  operator's choice here, not a user's secret passed along. */
  private async activateAsDemoAdministrator(): Promise<void> {
    for (const a of this.opts.demoAccounts()) {
      try {
        const answer = await this.client.signIn(a.email, a.password);
        if (answer.account.organization?.role === 'administrator') {
          await this.remember(answer.account.email);
          return this.refresh();
        }
        await this.client.signOut().catch(() => undefined);
      } catch (err) {
        this.message = `Could not activate the demo license server: ${AppError.from(err).message}`;
        return;
      }
    }
  }

  /** Activates with another account: its entitlement replaces the pool. `clm activate` is the
   *  operator's explicit act on a headless node where no user session exists to delegate from,
   *  so it signs in with the password the operator typed; the password is not kept. */
  activate(email: string, password: string): Promise<SeatServerIdentity> {
    return this.serial(() => this.switchTo(() => this.client.signIn(email, password)));
  }

  /** `session` gives this server's client its own tokens (a sign-in or an adopted delegation). */
  private async switchTo(session: () => Promise<TokenAnswer>): Promise<SeatServerIdentity> {
    const previous = this.email;
    const answer = await session();
    if (previous && previous.toLowerCase() !== answer.account.email.toLowerCase()) {
      await this.opts
        .credentials()
        .delete(this.credentialKey(previous))
        .catch(() => undefined);
      this.source.clear();
    }
    await this.remember(answer.account.email);
    await this.refresh();
    if (this.message) throw new AppError('unavailable', this.message);
    return this.identity();
  }

  /**
   * The first sign-in on a machine activates its server with that account. `delegate` asks the
   * cloud for a new session of the user's (POST /v1/auth/delegate): the server never sees the
   * password, and it is asked only when the server is not activated yet.
   */
  async activateIfNone(delegate: () => Promise<TokenAnswer>): Promise<void> {
    await this.serial(async () => {
      if (this.email) return;
      await this.switchTo(async () => {
        const answer = await delegate();
        await this.client.adopt(answer);
        return answer;
      });
    }).catch((err: unknown) => {
      this.opts.log?.('could not activate the license server', {
        message: AppError.from(err).message,
      });
    });
  }

  /** The demo was reset (a new demo cloud, a new key): activate again as its administrator. */
  resetDemo(): Promise<void> {
    return this.serial(async () => {
      if (!this.opts.demo) return;
      if (this.email)
        await this.opts
          .credentials()
          .delete(this.credentialKey(this.email))
          .catch(() => undefined);
      this.email = null;
      this.epoch++;
      await this.trust.reset();
      this.source.clear();
      await this.activateAsDemoAdministrator();
    });
  }

  private async remember(email: string): Promise<void> {
    const cache = this.opts.service.pool.cache;
    cache.setMeta(META_CLOUD, this.opts.cloudId);
    cache.setMeta(META_EMAIL, email);
    this.email = email;
    this.epoch++;
    this.message = undefined;
  }

  /** Drops an expired entitlement's seats from the pool (the clock is read, never slept on). */
  tick(): void {
    this.source.tick();
  }

  /** Renews the entitlement; offline, the verified one keeps serving until it expires. */
  refresh(): Promise<void> {
    this.tick();
    if (!this.email || this.closed) return Promise.resolve();
    if (this.fetching && this.fetchingEpoch === this.epoch) return this.fetching;
    // A fetch for the previous account may still be out: this one runs after it.
    const before = this.fetching ?? Promise.resolve();
    this.fetchingEpoch = this.epoch;
    const run: Promise<void> = before
      .then(() => this.fetch())
      .finally(() => {
        if (this.fetching === run) this.fetching = null;
      });
    this.fetching = run;
    return run;
  }

  private async fetch(): Promise<void> {
    const epoch = this.epoch;
    try {
      const machine = await this.identityOfMachine();
      const { keys } = await this.client.keys();
      const pinned = await this.trust.pinned();
      const offered = keys.find((k) => k.kid === pinned?.kid) ?? keys[0];
      if (!offered) throw new AppError('unavailable', 'The cloud offers no signing key.');
      const key = await this.trust.accept(offered, this.opts.cloudUrl() || this.opts.cloudId);
      const answer = (await this.client.licenseServers('serverEntitlement', {
        fingerprint: machine.fingerprint,
        publicKeyPem: machine.publicKeyPem,
        name: hostname().slice(0, 100),
        host: hostname().slice(0, 255),
        holding: this.source.payload?.id ?? null,
      })) as { document: string };
      if (this.closed || epoch !== this.epoch) return;
      const held = this.source.payload?.id;
      const r = this.source.install(answer.document, key, machine.fingerprint);
      if (!r.ok) {
        this.message = `The cloud's entitlement is refused (${r.refusal.code}): ${r.refusal.message}`;
        return;
      }
      if (r.payload.id !== held) {
        this.onCloudTime?.(Date.parse(r.payload.issuedAt));
        await this.client.licenseServers('serverAck', { entitlementId: r.payload.id });
      }
      this.opts.service.pool.cache.setMeta(META_FETCHED, this.opts.now());
      this.message = undefined;
    } catch (err) {
      if (epoch !== this.epoch) return;
      const e = AppError.from(err);
      this.message =
        e.code === 'offline' || e.code === 'unavailable'
          ? `The cloud is unreachable; serving the last entitlement until it expires. ${e.message}`
          : e.code === 'untrusted_key'
            ? e.message
            : `The license server's activation for ${this.email} failed: ${e.message}`;
      this.opts.log?.('license server entitlement refresh failed', { message: e.message });
    }
  }

  /** Offline activation, step 2: the activation request file. */
  async request(name?: string): Promise<{ fileName: string; text: string; fingerprint: string }> {
    const machine = await this.identityOfMachine();
    const text = activationRequest(machine, name || hostname(), this.opts.now());
    const stem = (name || hostname()).replace(/[^A-Za-z0-9_.-]+/g, '-').slice(0, 60) || 'server';
    return { fileName: `${stem}.clmreq`, text, fingerprint: machine.fingerprint };
  }

  /** Offline activation, step 6: a refused .crt says which check failed and changes nothing. */
  importCrt(text: string): Promise<SeatServerIdentity> {
    return this.serial(async () => {
      const machine = await this.identityOfMachine();
      await importCrt(text, machine, this.trust, this.source);
      this.message = undefined;
      return this.identity();
    });
  }

  /** `clm activate --reset-trust`: the next contact pins the cloud's key again. */
  resetTrust(): Promise<SeatServerIdentity> {
    return this.serial(async () => {
      await this.trust.reset();
      this.message = undefined;
      return this.identity();
    });
  }

  /** A registry route with this server's own session (`clm servers` on a headless node). */
  registry(name: LicenseServerRouteName, body?: unknown): Promise<unknown> {
    if (!this.email)
      throw new AppError('unauthorized', 'This license server is not activated with an account.');
    return this.client.licenseServers(name, body);
  }

  /** A borrowing route with this server's own session (`clm borrow` on a headless node). */
  borrowCall(name: BorrowRouteName, body?: unknown): Promise<unknown> {
    if (!this.email)
      throw new AppError('unauthorized', 'This license server is not activated with an account.');
    return this.client.borrows(name, body);
  }

  /** The cloud's key, pinned now if nothing is pinned yet (first contact). */
  async cloudKey(): Promise<TrustedKey> {
    const pinned = await this.trust.pinned();
    if (pinned) return pinned;
    const { keys } = await this.client.keys();
    const offered = keys[0];
    if (!offered) throw new AppError('unavailable', 'The cloud offers no signing key.');
    return this.trust.accept(offered, this.opts.cloudUrl() || this.opts.cloudId);
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    this.client.close();
  }
}
