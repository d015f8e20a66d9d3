// One request to the cloud API over HTTP: the URL, the timeout (Settings' connect timeout), the
// proxied fetch of Settings (src-main/settings), shutdown aborting what is in flight, and the
// cloud's answers turned into AppErrors — unreachable, not JSON, `{error,message}`, or not the
// shape of the shared route table (src-shared/cloud-api/). Tokens are the client's
// (cloud-client.ts).
import Type from 'typebox';
import type { TSchema } from 'typebox';
import { orgRoutes } from '../../src-shared/cloud-api/org.ts';
import { AppError } from '../../src-shared/errors.ts';
import { problems } from '../../src-shared/schema.ts';

export interface CloudHttpOptions {
  /** The cloud's base URL, or a function that yields it (the embedded cloud starts later). */
  baseUrl: string | (() => Promise<string>);
  /** Per request; a cloud that does not answer in time counts as offline (Settings may change it). */
  timeoutMs?: number | (() => number);
  /** Sends the requests (default: the global fetch; Settings' proxy: src-main/settings). */
  fetch?: (url: string, init: RequestInit) => Promise<Response>;
  /**
   * Called when any request finds the cloud unreachable, so the status bar says so at once
   * rather than at the next sync round (issue 18, docs/interface.md).
   */
  onUnreachable?: (err: AppError) => void;
}

/** A route of the shared route table. */
export type Route = { method: 'GET' | 'POST'; path: string; response: TSchema };

const PullEnvelope = Type.Object({
  cursor: Type.Integer(),
  reset: Type.Boolean(),
  changes: Type.Record(Type.String(), Type.Array(Type.Object({}))),
  deletes: Type.Record(Type.String(), Type.Array(Type.String())),
  lastMutationIds: Type.Record(Type.String(), Type.Integer()),
  more: Type.Optional(Type.Boolean()),
  total: Type.Optional(Type.Integer()),
});

export class CloudHttp {
  readonly #opts: CloudHttpOptions;
  readonly #timeout: () => number;
  /** Aborts every request in flight when the core closes. */
  readonly #closing = new AbortController();

  constructor(opts: CloudHttpOptions) {
    this.#opts = opts;
    const t = opts.timeoutMs ?? 10_000;
    this.#timeout = typeof t === 'number' ? () => t : t;
  }

  /** Aborts requests in flight; every request answers `offline` from then on. */
  close(): void {
    this.#closing.abort();
  }

  async baseUrl(): Promise<string> {
    const b = this.#opts.baseUrl;
    return typeof b === 'string' ? b : b();
  }

  /** One JSON request of a route; its answer checked against the route's schema. */
  async send(
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
        signal: this.#signal(),
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

  /** A file the cloud serves behind the session (an invoice PDF, an installer), as bytes. */
  async file(path: string, accessToken: string): Promise<Buffer> {
    if (this.#closing.signal.aborted) throw new AppError('offline', 'The app is shutting down');
    const base = await this.baseUrl();
    let res: Response;
    try {
      // Through Settings' proxy like every other request (test/activation/proxy.test.ts).
      const send = this.#opts.fetch ?? fetch;
      res = await send(base.replace(/\/+$/, '') + path, {
        headers: { authorization: `Bearer ${accessToken}` },
        signal: this.#signal(),
      });
    } catch (err) {
      const e = offline(base, err, this.#timeout());
      if (!this.#closing.signal.aborted) this.#opts.onUnreachable?.(e);
      throw e;
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
  }

  #signal(): AbortSignal {
    return AbortSignal.any([AbortSignal.timeout(this.#timeout()), this.#closing.signal]);
  }
}

/** The HTTP status an error of the cloud carries, if any. */
export function statusOf(err: AppError): number | undefined {
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
