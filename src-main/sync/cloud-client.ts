// The desktop's client of the cloud API: the access token in memory, the rotating refresh token,
// and one typed call per route. Each request goes over HTTP in cloud-http.ts.
import { borrowRoutes, type BorrowRouteName } from '../../src-shared/cloud-api/borrow.ts';
import { systemClock, type Clock } from '../../src-shared/clock.ts';
import { billingRoutes } from '../../src-shared/cloud-api/billing.ts';
import { creditRoutes, type CreditRouteName } from '../../src-shared/cloud-api/credits.ts';
import { orgRoutes } from '../../src-shared/cloud-api/org.ts';
import {
  licenseServerRoutes,
  type LicenseServerRouteName,
} from '../../src-shared/cloud-api/license-servers.ts';
import type { AuditEntry, AuditQuery } from '../../src-shared/cloud-api/org.ts';
import type { PushRequest, PushResponse } from '../../src-shared/org/mutations.ts';
import type { PullAnswer } from '../../src-shared/cloud-api/sync.ts';
import { cloudRoutes } from '../../src-shared/cloud-api/routes.ts';
import type { CloudAnswer, CloudBody, CloudRouteName } from '../../src-shared/cloud-api/routes.ts';
import type { AccountView } from '../../src-shared/domain/account.ts';
import { AppError } from '../../src-shared/errors.ts';
import { CloudHttp, statusOf, type CloudHttpOptions, type Route } from './cloud-http.ts';

export interface CloudClientOptions extends CloudHttpOptions {
  clock?: Clock;
  /**
   * Called with every new refresh token (sign-in and each rotation) before the answer is used:
   * the old token is already refused by the cloud, so the new one must be stored at once.
   */
  onRefreshToken: (refreshToken: string, account: AccountView) => Promise<void>;
  /** Called with every secret the client receives, so logs can hide it. */
  onSecret?: (secret: string) => void;
}

/** Refresh a little before the cloud's expiry, so a request never races it. */
const EXPIRY_MARGIN_MS = 15_000;

export const SESSION_ENDED = 'Your session has ended. Please sign in again.';

type TokenAnswer = CloudAnswer<'signIn'>;
type AuthedGet = 'account' | 'products' | 'licenses' | 'organization' | 'licenseServerPool';

export class CloudClient {
  readonly #opts: CloudClientOptions;
  readonly #http: CloudHttp;
  readonly #clock: Clock;
  #access: { token: string; expiresAt: number } | null = null;
  #refreshToken: string | null = null;
  #refreshing: Promise<TokenAnswer> | null = null;
  /** Bumped by forget(): an answer to a request sent before it must not bring tokens back. */
  #generation = 0;
  /** Sign-ins in flight: a failing refresh of an older session then forgets nothing. */
  #signingIn = 0;

  constructor(opts: CloudClientOptions) {
    this.#opts = opts;
    this.#http = new CloudHttp(opts);
    this.#clock = opts.clock ?? systemClock;
  }

  /** Gives the client the refresh token found in the credential store at startup. */
  setRefreshToken(token: string | null): void {
    this.#refreshToken = token;
    if (token) this.#opts.onSecret?.(token);
  }

  hasRefreshToken(): boolean {
    return this.#refreshToken !== null;
  }

  /** Forgets both tokens (sign-out, or the cloud refused the refresh token). */
  forget(): void {
    this.#access = null;
    this.#refreshToken = null;
    this.#generation++;
  }

  /** Aborts requests in flight; the client answers `offline` from then on. */
  close(): void {
    this.#http.close();
  }

  baseUrl(): Promise<string> {
    return this.#http.baseUrl();
  }

  /** The cloud's public signing keys (GET /v1/keys), pinned by the license server. */
  keys(): Promise<CloudAnswer<'keys'>> {
    return this.#request('keys', undefined, null);
  }

  /** A license-server registry route (src-shared/cloud-api/license-servers.ts). */
  licenseServers<N extends LicenseServerRouteName>(name: N, body?: unknown): Promise<unknown> {
    return this.#authedSend(licenseServerRoutes[name], body, '');
  }

  /** A borrowing route (src-shared/cloud-api/borrow.ts). */
  borrows(name: BorrowRouteName, body?: unknown): Promise<unknown> {
    return this.#authedSend(borrowRoutes[name], body, '');
  }

  async health(): Promise<CloudAnswer<'health'>> {
    return this.#request('health', undefined, null);
  }

  async signIn(email: string, password: string): Promise<TokenAnswer> {
    // A new session begins: a refresh of the previous one (a restore at start, even one that
    // starts while this sign-in is out) must neither bring its tokens back nor, when it fails,
    // forget this one.
    const generation = ++this.#generation;
    this.#signingIn++;
    try {
      const answer = await this.#request('signIn', { email, password }, null);
      await this.#accept(answer, generation);
      return answer;
    } finally {
      this.#signingIn--;
    }
  }

  /**
   * A new session of the signed-in account for another program (POST /v1/auth/delegate). This
   * client's own tokens stay as they are: the answer belongs to whoever adopts it.
   */
  async delegate(purpose: CloudBody<'delegate'>['purpose']): Promise<TokenAnswer> {
    const answer = await this.#authed('delegate', { purpose });
    this.#opts.onSecret?.(answer.accessToken);
    this.#opts.onSecret?.(answer.refreshToken);
    return answer;
  }

  /** Takes a session obtained elsewhere (a delegated one) as this client's, like a sign-in. */
  async adopt(answer: TokenAnswer): Promise<void> {
    await this.#accept(answer, this.#generation);
  }

  /** Trades the refresh token for new tokens; concurrent callers share one exchange. */
  refresh(): Promise<TokenAnswer> {
    this.#refreshing ??= this.#doRefresh().finally(() => {
      this.#refreshing = null;
    });
    return this.#refreshing;
  }

  /** Revokes the refresh token at the cloud; best effort, the local sign-out goes on regardless. */
  async signOut(): Promise<void> {
    const token = this.#refreshToken;
    this.forget();
    if (token) await this.revoke(token);
  }

  /** Revokes one refresh token (e.g. the previous session's, when another account signs in). */
  async revoke(refreshToken: string): Promise<void> {
    await this.#request('signOut', { refreshToken }, null);
  }

  get<N extends AuthedGet>(name: N): Promise<CloudAnswer<N>> {
    return this.#authed(name, undefined);
  }

  changePassword(body: CloudBody<'changePassword'>): Promise<CloudAnswer<'changePassword'>> {
    return this.#authed('changePassword', body);
  }

  /** Sends queued mutations (POST /v1/mutations); the cloud answers each once, in order. */
  push(body: PushRequest): Promise<PushResponse> {
    return this.#authedSend(orgRoutes.push, body, '') as Promise<PushResponse>;
  }

  /** Changes since `cursor` (GET /v1/pull); with `limit`, a page of them (`more` says so). */
  async pull(cursor: number, limit?: number): Promise<PullAnswer> {
    const query = `?cursor=${cursor}${limit === undefined ? '' : `&limit=${limit}`}`;
    return this.#authedSend(orgRoutes.pull, undefined, query) as Promise<PullAnswer>;
  }

  /** A credit or render route (docs/credits.md): the render farm needs the cloud. */
  credits<N extends CreditRouteName>(name: N, body?: unknown): Promise<unknown> {
    return this.#authedSend(creditRoutes[name], body, '');
  }

  /** A portal route (src-shared/cloud-api/billing.ts): subscriptions, store, invoices. */
  billing(name: keyof typeof billingRoutes, body?: unknown, query = ''): Promise<unknown> {
    return this.#authedSend(billingRoutes[name], body, query);
  }

  /** A file the cloud serves behind the session (an invoice PDF, an installer), as bytes. */
  file(path: string): Promise<Buffer> {
    return this.#withToken((token) => this.#http.file(path, token));
  }

  /** The organization's audit log (GET /v1/org/audit), newest first, filtered and paged. */
  audit(query: AuditQuery): Promise<AuditEntry[]> {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query))
      if (v !== undefined) params.set(k, String(v as string | number));
    const qs = params.size ? `?${params.toString()}` : '';
    return this.#authedSend(orgRoutes.audit, undefined, qs) as Promise<AuditEntry[]>;
  }

  #authedSend(route: Route, body: unknown, query: string): Promise<unknown> {
    return this.#withToken((token) => this.#http.send(route, body, token, query));
  }

  /**
   * Calls with the access token. The cloud may have dropped it early (restart, revocation):
   * a 401 refreshes once and calls again.
   */
  async #withToken<T>(call: (accessToken: string) => Promise<T>): Promise<T> {
    const token = await this.#accessToken();
    try {
      return await call(token);
    } catch (err) {
      if (!(err instanceof AppError) || statusOf(err) !== 401) throw err;
      if (this.#access?.token === token) this.#access = null;
      return call(await this.#accessToken());
    }
  }

  async #doRefresh(): Promise<TokenAnswer> {
    const token = this.#refreshToken;
    if (!token) throw new AppError('unauthorized', SESSION_ENDED);
    const generation = this.#generation;
    let answer: TokenAnswer;
    try {
      answer = await this.#request('refresh', { refreshToken: token }, null);
    } catch (err) {
      const e = AppError.from(err);
      if (e.code === 'invalid_refresh_token' || e.code === 'unauthorized') {
        if (generation === this.#generation && this.#signingIn === 0) this.forget();
        throw new AppError('unauthorized', SESSION_ENDED);
      }
      throw e;
    }
    await this.#accept(answer, generation);
    return answer;
  }

  async #accept(answer: TokenAnswer, generation: number): Promise<void> {
    if (generation !== this.#generation) {
      // Signed out while this was in flight: drop the new tokens rather than resurrect a session.
      throw new AppError('unauthorized', 'Signed out');
    }
    this.#opts.onSecret?.(answer.accessToken);
    this.#opts.onSecret?.(answer.refreshToken);
    this.#refreshToken = answer.refreshToken;
    this.#access = {
      token: answer.accessToken,
      expiresAt: Date.parse(answer.accessTokenExpiresAt),
    };
    await this.#opts.onRefreshToken(answer.refreshToken, answer.account);
  }

  async #accessToken(): Promise<string> {
    const a = this.#access;
    if (a && a.expiresAt - EXPIRY_MARGIN_MS > this.#clock()) return a.token;
    await this.refresh();
    if (!this.#access) throw new AppError('unauthorized', SESSION_ENDED);
    return this.#access.token;
  }

  #authed<N extends CloudRouteName>(name: N, body: unknown): Promise<CloudAnswer<N>> {
    return this.#withToken((token) => this.#request(name, body, token));
  }

  async #request<N extends CloudRouteName>(
    name: N,
    body: unknown,
    accessToken: string | null,
  ): Promise<CloudAnswer<N>> {
    return (await this.#http.send(cloudRoutes[name], body, accessToken, '')) as CloudAnswer<N>;
  }
}
