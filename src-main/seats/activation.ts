// The license server's own identity: the account it is activated with (its own refresh token in
// the credential store, separate from the UI session) and the seat pool the cloud gives it.
import type { SeatServerIdentity } from '../../src-shared/bridge/calls/seats.ts';
import type { TokenAnswer } from '../../src-shared/cloud-api/schemas.ts';
import type { DemoAccount } from '../../src-shared/domain/account.ts';
import { AppError } from '../../src-shared/errors.ts';
import type { CredentialStore } from '../credentials/credential-store.ts';
import { CloudClient } from '../sync/cloud-client.ts';
import { CachedSeatSource } from './pool.ts';
import type { SeatService } from './service.ts';

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
  /** How often the pool is fetched again (default 60 s). */
  refreshMs?: number;
  log?: (message: string, fields?: Record<string, string>) => void;
}

const META_EMAIL = 'activation.email';
const META_CLOUD = 'activation.cloud';
const META_FETCHED = 'activation.pool_fetched_at';
export const CLOUD_SOURCE = 'cloud';

export class ServerActivation {
  readonly source: CachedSeatSource;
  private readonly client: CloudClient;
  private readonly opts: ActivationOptions;
  private email: string | null;
  private message: string | undefined;
  private timer: NodeJS.Timeout | null = null;
  private fetching: Promise<void> | null = null;
  private fetchingEpoch = -1;
  private closed = false;
  /** Activations run one after another (a `clm activate` during the demo's own start waits). */
  private chain: Promise<unknown> = Promise.resolve();
  /** Bumped by every activation: a pool fetched for the previous account is dropped. */
  private epoch = 0;

  constructor(opts: ActivationOptions) {
    this.opts = opts;
    const cache = opts.service.pool.cache;
    this.source = new CachedSeatSource(cache, CLOUD_SOURCE, 'entitlement');
    const cloud = cache.meta(META_CLOUD);
    this.email = cloud === opts.cloudId ? (cache.meta(META_EMAIL) ?? null) : null;
    if (cloud !== undefined && cloud !== opts.cloudId) {
      // Activated against another cloud: those seats are not this cloud's to serve.
      this.source.set([]);
      cache.setMeta(META_EMAIL, '');
    }
    this.client = new CloudClient({
      baseUrl: opts.baseUrl,
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
    const id: SeatServerIdentity = {
      account: this.email || null,
      cloudUrl: this.opts.cloudUrl() || null,
      demo: this.opts.demo,
      poolFetchedAt: fetched || null,
    };
    if (this.message) id.message = this.message;
    return id;
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.chain.then(fn, fn);
    this.chain = run.catch(() => undefined);
    return run;
  }

  /** Restores the stored activation (or, in the demo, activates as its administrator). */
  start(): Promise<void> {
    const refreshMs = this.opts.refreshMs ?? 60_000;
    this.timer = setInterval(() => void this.refresh(), refreshMs);
    this.timer.unref();
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
    if (this.opts.demo) await this.activateAsDemoAdministrator();
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

  /** Activates with another account: its seats replace the pool at once. `clm activate` is the
   *  operator's explicit act on a headless node where no user session exists to delegate from,
   *  so it signs in with the password the operator typed; the password is not kept. */
  activate(email: string, password: string): Promise<SeatServerIdentity> {
    return this.serial(() => this.switchTo(() => this.client.signIn(email, password)));
  }

  /** `session` gives this server's client its own tokens (a sign-in or an adopted delegation). */
  private async switchTo(session: () => Promise<TokenAnswer>): Promise<SeatServerIdentity> {
    const previous = this.email;
    const answer = await session();
    if (previous && previous.toLowerCase() !== answer.account.email.toLowerCase())
      await this.opts
        .credentials()
        .delete(this.credentialKey(previous))
        .catch(() => undefined);
    await this.remember(answer.account.email);
    this.source.set([]);
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

  /** The demo was reset (a new demo cloud): activate again as its administrator. */
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
      this.source.set([]);
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

  /** Fetches the pool; offline, the cached pool keeps serving and the reason is shown. */
  refresh(): Promise<void> {
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
      const pool = await this.client.get('licenseServerPool');
      if (this.closed || epoch !== this.epoch) return;
      this.source.set(
        pool.map((p) => ({ product: p.productCode, name: p.productName, total: p.total })),
      );
      this.opts.service.pool.cache.setMeta(META_FETCHED, this.opts.now());
      this.message = undefined;
    } catch (err) {
      if (epoch !== this.epoch) return;
      const e = AppError.from(err);
      this.message =
        e.code === 'offline' || e.code === 'unavailable'
          ? `The cloud is unreachable; serving the last pool. ${e.message}`
          : `The license server's activation for ${this.email} failed: ${e.message}`;
      this.opts.log?.('license server pool refresh failed', { message: e.message });
    }
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    this.client.close();
  }
}
