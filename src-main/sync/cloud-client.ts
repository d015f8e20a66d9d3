// The desktop's HTTP client of the cloud API: timeouts, the access token in memory, rotating refresh.
import { borrowRoutes, type BorrowRouteName } from '../../src-shared/cloud-api/borrow.ts';
import { systemClock, type Clock } from '../../src-shared/clock.ts';
import Type from 'typebox';
import type { TSchema } from 'typebox';
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
import { problems } from '../../src-shared/schema.ts';

export interface CloudClientOptions {
  /** The cloud's base URL, or a function that yields it (the embedded cloud starts later). */
  baseUrl: string | (() => Promise<string>);
  /** Per request; a cloud that does not answer in time counts as offline (Settings may change it). */
  timeoutMs?: number | (() => number);
  clock?: Clock;
  /**
   * Called with every new refresh token (sign-in and each rotation) before the answer is used:
   * the old token is already refused by the cloud, so the new one must be stored at once.
   */
  onRefreshToken: (refreshToken: string, account: AccountView) => Promise<void>;
  /** Called with every secret the client receives, so logs can hide it. */
  onSecret?: (secret: string) => void;
  /** Sends the requests (default: the global fetch; Settings' proxy: src-main/settings). */
  fetch?: (url: string, init: RequestInit) => Promise<Response>;
  /**
   * Called when any request finds the cloud unreachable, so the status bar says so at once
   * rather than at the next sync round (issue 18, docs/interface.md).
   */
  onUnreachable?: (err: AppError) => void;
}

/** Refresh a little before the cloud's expiry, so a request never races it. */
const EXPIRY_MARGIN_MS = 15_000;

export const SESSION_ENDED = 'Your session has ended. Please sign in again.';

type TokenAnswer = CloudAnswer<'signIn'>;
const PullEnvelope = Type.Object({
  cursor: Type.Integer(),
  reset: Type.Boolean(),
  changes: Type.Record(Type.String(), Type.Array(Type.Object({}))),
  deletes: Type.Record(Type.String(), Type.Array(Type.String())),
  lastMutationIds: Type.Record(Type.String(), Type.Integer()),
  more: Type.Optional(Type.Boolean()),
  total: Type.Optional(Type.Integer()),
});
type Route = { method: 'GET' | 'POST'; path: string; response: TSchema };
type AuthedGet = 'account' | 'products' | 'licenses' | 'organization' | 'licenseServerPool';

export class CloudClient {
  readonly #opts: CloudClientOptions;
  readonly #timeout: () => number;
  readonly #clock: Clock;
  #access: { token: string; expiresAt: number } | null = null;
  #refreshToken: string | null = null;
  #refreshing: Promise<TokenAnswer> | null = null;
  /** Aborts every request in flight when the core closes. */
  readonly #closing = new AbortController();
  /** Bumped by forget(): an answer to a request sent before it must not bring tokens back. */
  #generation = 0;
  /** Sign-ins in flight: a failing refresh of an older session then forgets nothing. */
  #signingIn = 0;

  constructor(opts: CloudClientOptions) {
    this.#opts = opts;
    const t = opts.timeoutMs ?? 10_000;
    this.#timeout = typeof t === 'number' ? () => t : t;
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
    this.#closing.abort();
  }

  async baseUrl(): Promise<string> {
    const b = this.#opts.baseUrl;
    return typeof b === 'string' ? b : b();
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
  async file(path: string): Promise<Buffer> {
    const get = async (token: string) => {
      const base = await this.baseUrl();
      let res: Response;
      try {
        res = await fetch(base.replace(/\/+$/, '') + path, {
          headers: { authorization: `Bearer ${token}` },
          signal: AbortSignal.any([AbortSignal.timeout(this.#timeout()), this.#closing.signal]),
        });
      } catch (err) {
        throw offline(base, err, this.#timeout());
      }
      if (res.ok) return Buffer.from(await res.arrayBuffer());
      const text = await res.text();
      let json: unknown = null;
      try {
        json = JSON.parse(text);
      } catch {
        /* not JSON: the status speaks */
      }
      throw apiError(res.status, json);
    };
    const token = await this.#accessToken();
    try {
      return await get(token);
    } catch (err) {
      if (!(err instanceof AppError) || statusOf(err) !== 401) throw err;
      if (this.#access?.token === token) this.#access = null;
      return get(await this.#accessToken());
    }
  }

  /** The organization's audit log (GET /v1/org/audit), newest first, filtered and paged. */
  audit(query: AuditQuery): Promise<AuditEntry[]> {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query))
      if (v !== undefined) params.set(k, String(v as string | number));
    const qs = params.size ? `?${params.toString()}` : '';
    return this.#authedSend(orgRoutes.audit, undefined, qs) as Promise<AuditEntry[]>;
  }

  async #authedSend(route: Route, body: unknown, query: string): Promise<unknown> {
    const token = await this.#accessToken();
    try {
      return await this.#send(route, body, token, query);
    } catch (err) {
      if (!(err instanceof AppError) || statusOf(err) !== 401) throw err;
      if (this.#access?.token === token) this.#access = null;
      return this.#send(route, body, await this.#accessToken(), query);
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

  async #authed<N extends CloudRouteName>(name: N, body: unknown): Promise<CloudAnswer<N>> {
    const token = await this.#accessToken();
    try {
      return await this.#request(name, body, token);
    } catch (err) {
      // The cloud may have dropped the access token early (restart, revocation): refresh once.
      if (!(err instanceof AppError) || statusOf(err) !== 401) throw err;
      if (this.#access?.token === token) this.#access = null;
      return this.#request(name, body, await this.#accessToken());
    }
  }

  async #request<N extends CloudRouteName>(
    name: N,
    body: unknown,
    accessToken: string | null,
  ): Promise<CloudAnswer<N>> {
    return (await this.#send(cloudRoutes[name], body, accessToken, '')) as CloudAnswer<N>;
  }

  async #send(
    route: Route,
    body: unknown,
    accessToken: string | null,
    query: string,
  ): Promise<unknown> {
    if (this.#closing.signal.aborted) throw new AppError('offline', 'The app is shutting down');
    const base = await this.baseUrl();
    const url = base.replace(/\/+$/, '') + route.path + query;
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (accessToken) headers.authorization = `Bearer ${accessToken}`;
    let status: number;
    let text: string;
    try {
      const send = this.#opts.fetch ?? fetch;
      const res = await send(url, {
        method: route.method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.any([AbortSignal.timeout(this.#timeout()), this.#closing.signal]),
      });
      status = res.status;
      text = await res.text();
    } catch (err) {
      const e = offline(base, err, this.#timeout());
      if (!this.#closing.signal.aborted) this.#opts.onUnreachable?.(e);
      throw e;
    }
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      throw new AppError(
        'unavailable',
        `The cloud answered HTTP ${status} with something that is not JSON`,
        { status },
      );
    }
    if (status < 200 || status >= 300) throw apiError(status, json);
    // The pull's rows are checked by their envelope only: at 60,000 rows a deep check costs more
    // than the transfer, and each row is stored as the cloud sent it.
    checkShape(route === orgRoutes.pull ? PullEnvelope : route.response, json, route.path);
    return json;
  }
}

function statusOf(err: AppError): number | undefined {
  const d = err.details as { status?: unknown } | undefined;
  return typeof d?.status === 'number' ? d.status : undefined;
}

function apiError(status: number, json: unknown): AppError {
  const j = json as { error?: unknown; message?: unknown } | null;
  if (j && typeof j.error === 'string' && typeof j.message === 'string') {
    return new AppError(j.error, j.message, { status });
  }
  if (status >= 500)
    return new AppError('unavailable', `The cloud failed (HTTP ${status})`, { status });
  return new AppError('internal', `The cloud answered HTTP ${status}`, { status });
}

function checkShape(schema: TSchema, json: unknown, path: string): void {
  const found = problems(schema, json);
  if (found.length) {
    throw new AppError(
      'unavailable',
      `The cloud's answer to ${path} does not fit the API: ${found.map((p) => p.message).join('; ')}`,
    );
  }
}

function offline(base: string, err: unknown, timeoutMs: number): AppError {
  const e = err as { name?: string; cause?: { code?: string; message?: string }; message?: string };
  let why: string;
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError')
    why = `no answer within ${timeoutMs / 1000} s`;
  else why = e?.cause?.code ?? e?.cause?.message ?? e?.message ?? 'network error';
  return new AppError('offline', `The cloud at ${base} is unreachable (${why})`);
}
