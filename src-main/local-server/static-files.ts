// Serves the built renderer: correct MIME types, no way out of its folder, SPA fallback to index.html.
import { createReadStream, statSync, type Stats } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';
import { notBuiltPage } from './pages.ts';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.wasm': 'application/wasm',
};

function fileAt(path: string): Stats | null {
  try {
    const st = statSync(path);
    return st.isFile() ? st : null;
  } catch {
    return null;
  }
}

/** Answers a GET/HEAD for `pathname` (already decoded) from `root`. */
export function serveStatic(
  req: IncomingMessage,
  res: ServerResponse,
  root: string,
  pathname: string,
): void {
  const base = resolve(root);
  if (pathname.includes('\0')) return notFound(res);
  const target = resolve(base, `.${pathname}`);
  // resolve() has removed every `..`; what is left must still be inside the folder.
  if (target !== base && !target.startsWith(base + sep)) return notFound(res);
  let file = target;
  let st = target === base ? null : fileAt(target);
  if (!st) {
    const ext = extname(pathname);
    // A route of the single-page app (no extension) gets index.html; a missing asset is a 404.
    if (ext && ext !== '.html') return notFound(res);
    file = resolve(base, 'index.html');
    st = fileAt(file);
    if (!st) {
      res.writeHead(503, { 'Content-Type': MIME['.html'], 'Cache-Control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : notBuiltPage());
      return;
    }
  }
  const type = MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';
  // Vite names assets by content hash, so they never change; index.html always may.
  const immutable = file.startsWith(resolve(base, 'assets') + sep);
  res.writeHead(200, {
    'Content-Type': type,
    'Content-Length': st.size,
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}

function notFound(res: ServerResponse): void {
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end('Not found');
}
