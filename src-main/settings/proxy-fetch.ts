// A `fetch` for the cloud client that goes through an HTTP(S) proxy (docs/sources.md, Online
// licensing "Settings and proxy"): plain http:// requests are forwarded with their absolute URL,
// https:// ones through a CONNECT tunnel. A proxy that fails is named in the error, so the status
// bar says which (issue 12).
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { connect as tlsConnect } from 'node:tls';
import type { Socket } from 'node:net';

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

function proxyError(proxy: URL, err: unknown): Error {
  const e = err as { code?: string; message?: string };
  const why = e?.code ?? e?.message ?? 'error';
  const label = `${proxy.protocol}//${proxy.host}`;
  return new TypeError('fetch failed', {
    cause: { code: `proxy ${label} failed: ${why}`, message: `proxy ${label} failed: ${why}` },
  });
}

function headersOf(init: RequestInit, proxy: URL): Record<string, string> {
  const h: Record<string, string> = {};
  new Headers(init.headers).forEach((v, k) => (h[k] = v));
  if (proxy.username)
    h['proxy-authorization'] =
      `Basic ${Buffer.from(`${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`).toString('base64')}`;
  return h;
}

function toResponse(res: IncomingMessage): Promise<Response> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('error', reject);
    res.on('end', () => {
      const headers = new Headers();
      for (const [k, v] of Object.entries(res.headers))
        if (typeof v === 'string') headers.set(k, v);
      resolve(new Response(Buffer.concat(chunks), { status: res.statusCode ?? 502, headers }));
    });
  });
}

function tunnel(proxy: URL, target: URL, signal: AbortSignal | null | undefined): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const port = target.port || '443';
    const req = httpRequest({
      host: proxy.hostname,
      port: proxy.port || 80,
      method: 'CONNECT',
      path: `${target.hostname}:${port}`,
      headers: proxy.username
        ? { 'proxy-authorization': headersOf({}, proxy)['proxy-authorization'] as string }
        : {},
      signal: signal ?? undefined,
    });
    req.on('connect', (res, socket) => {
      if (res.statusCode !== 200) {
        socket.destroy();
        reject(proxyError(proxy, { code: `CONNECT answered ${res.statusCode}` }));
      } else resolve(socket);
    });
    req.on('error', (err) => reject(proxyError(proxy, err)));
    req.end();
  });
}

/** A fetch through `proxyUrl` (http://[user:pass@]host:port). */
export function proxiedFetch(proxyUrl: string): FetchLike {
  const proxy = new URL(proxyUrl);
  return async (url, init) => {
    const target = new URL(url);
    const body = typeof init.body === 'string' ? init.body : undefined;
    const headers = headersOf(init, proxy);
    if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
    const signal = init.signal ?? undefined;
    const res = await new Promise<IncomingMessage>((resolve, reject) => {
      const done = (req: ReturnType<typeof httpRequest>) => {
        req.on('response', resolve);
        req.on('error', (err) => reject(signal?.aborted ? err : proxyError(proxy, err)));
        req.end(body);
      };
      if (target.protocol === 'http:') {
        headers.host = target.host;
        done(
          httpRequest({
            host: proxy.hostname,
            port: proxy.port || 80,
            method: init.method ?? 'GET',
            path: target.href,
            headers,
            signal,
          }),
        );
      } else {
        tunnel(proxy, target, signal).then(
          (socket) =>
            done(
              httpsRequest({
                host: target.hostname,
                method: init.method ?? 'GET',
                path: target.pathname + target.search,
                headers,
                signal,
                createConnection: () => tlsConnect({ socket, servername: target.hostname }),
              }),
            ),
          reject,
        );
      }
    });
    return toResponse(res);
  };
}
