// A small HTTP client of a running license server, for the CLI: the seat protocol, and the
// token-protected bridge for admin actions.
import type { Envelope } from '../../src-shared/envelope.ts';
import { AppError } from '../../src-shared/errors.ts';

export const DEFAULT_SERVER = 'http://127.0.0.1:30304';

async function request(url: string, init: RequestInit): Promise<{ status: number; body: unknown }> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, signal: AbortSignal.timeout(10_000) });
  } catch (err) {
    const why =
      err instanceof Error
        ? ((err.cause as Error | undefined)?.message ?? err.message)
        : String(err);
    throw new AppError(
      'offline',
      `No license server answers at ${new URL(url).origin} (${why}). Is \`clm serve\` running? Point to it with --server URL.`,
    );
  }
  const text = await res.text();
  try {
    return { status: res.status, body: text ? (JSON.parse(text) as unknown) : {} };
  } catch {
    throw new AppError(
      'internal',
      `The server at ${url} did not answer JSON (HTTP ${res.status}).`,
    );
  }
}

/** Calls the seat protocol; a 4xx/5xx answer becomes an AppError with the server's code. */
export async function seatCall<T>(server: string, path: string, body?: unknown): Promise<T> {
  const url = `${server.replace(/\/+$/, '')}/seat/v1/${path}`;
  const r = await request(
    url,
    body === undefined
      ? { method: 'GET' }
      : {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        },
  );
  if (r.status >= 400) {
    const e = r.body as { error?: string; message?: string };
    throw new AppError(e.error ?? 'internal', e.message ?? `HTTP ${r.status}`);
  }
  return r.body as T;
}

/** Calls a bridge call of the running server with the login token (admin actions). */
export async function bridgeCall<T>(
  server: string,
  token: string,
  name: string,
  input: unknown,
): Promise<T> {
  const r = await request(`${server.replace(/\/+$/, '')}/api/call/${name}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
      'x-clm-bridge': '1',
    },
    body: JSON.stringify(input),
  });
  if (r.status === 401)
    throw new AppError(
      'unauthorized',
      'The server refused the login token: pass the one `clm serve` printed with --token.',
    );
  const env = r.body as Envelope<T>;
  if (env.ok) return env.value;
  throw new AppError(env.error.code, env.error.message);
}
