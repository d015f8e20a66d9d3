// Headless mode: the login token guards every route but the seat protocol; static UI; bridge over HTTP; SSE.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { CloudServer } from '../../src-cloud/server.ts';
import type { Core } from '../../src-main/core/core.ts';
import { createLocalServer, CSP, type LocalServer } from '../../src-main/local-server/server.ts';
import { newLoginToken } from '../../src-main/local-server/login-token.ts';
import type { SyncStatus } from '../../src-shared/domain/session.ts';
import { ADMIN, openCore, removeTempDirs, startCloud, tempDir } from '../core/helpers.ts';
import { within } from '../support/wait.ts';

let cloud: CloudServer;
let core: Core;
let server: LocalServer;
let base: string;
let port: number;
const token = newLoginToken();
const seatCalls: string[] = [];

before(async () => {
  cloud = await startCloud(tempDir('cloud'));
  const dataDir = tempDir('core');
  core = await openCore({
    dataDir,
    cloudUrl: cloud.url,
    credentialFile: join(dataDir, 'credential'),
  });
  const staticDir = tempDir('ui');
  mkdirSync(join(staticDir, 'assets'));
  writeFileSync(
    join(staticDir, 'index.html'),
    '<!doctype html><title>CLM</title><div id="root"></div>',
  );
  writeFileSync(join(staticDir, 'assets', 'app-1234.js'), 'console.log(1)');
  writeFileSync(join(staticDir, 'assets', 'app-1234.css'), 'body{}');
  writeFileSync(join(staticDir, 'refused.css'), 'h1{}');
  writeFileSync(join(staticDir, '..', 'secret.txt'), 'outside');
  server = createLocalServer({
    core,
    token,
    staticDir,
    heartbeatMs: 100,
    seatHandler: (req: IncomingMessage, res: ServerResponse) => {
      seatCalls.push(`${req.method} ${req.url}`);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"products":[]}');
    },
  });
  const listening = await server.listen(0);
  base = listening.url;
  port = listening.port;
});
async function page401Links(): Promise<string> {
  const res = await fetch(`${base}/`, { headers: { accept: 'text/html' } });
  return res.text();
}

after(async () => {
  await server.close();
  await core.close();
  await cloud.close();
  removeTempDirs();
});

const auth = { authorization: `Bearer ${token}` };
const bridge = { ...auth, 'x-clm-bridge': '1', 'content-type': 'application/json' };

test('without the token every route but /seat/v1/* is 401', async () => {
  for (const [method, path] of [
    ['GET', '/'],
    ['GET', '/licensing'],
    ['GET', '/assets/app-1234.js'],
    ['GET', '/api/events'],
    ['POST', '/api/call/session.get'],
    ['GET', '/nope'],
  ] as const) {
    const res = await fetch(base + path, {
      method,
      headers: { 'x-clm-bridge': '1' },
      redirect: 'manual',
    });
    assert.equal(res.status, 401, `${method} ${path}`);
    await res.arrayBuffer();
  }
  const page = await fetch(`${base}/`);
  assert.match(page.headers.get('content-type') ?? '', /text\/html/);
  assert.match(await page.text(), /Login token missing[\s\S]*URL printed by `clm serve`/);
  const wrong = await fetch(`${base}/?token=${'0'.repeat(64)}`, { redirect: 'manual' });
  assert.equal(wrong.status, 401);
  assert.match(await wrong.text(), /Wrong login token/);
  const api = await fetch(`${base}/api/call/session.get`, {
    method: 'POST',
    headers: { 'x-clm-bridge': '1' },
  });
  assert.deepEqual(await api.json(), {
    ok: false,
    error: {
      code: 'unauthorized',
      message:
        'This page needs the login token. Open the URL printed by `clm serve` (it ends with ?token=…).',
    },
  });
  const style = await fetch(`${base}/refused.css`);
  assert.equal(style.status, 200, "the refused page's stylesheet needs no token");
  assert.match(await page401Links(), /href="\/refused.css"/);
  const otherAsset = await fetch(`${base}/assets/app-1234.css`);
  assert.equal(otherAsset.status, 401, 'every other file still needs the token');
  await otherAsset.arrayBuffer();
  // Another server on another port of this host sets its own cookie; ours is not confused by it.
  const foreign = await fetch(`${base}/`, { headers: { cookie: `clm_token_1=${token}` } });
  assert.equal(foreign.status, 401);
  await foreign.arrayBuffer();
  const badCookie = await fetch(`${base}/`, { headers: { cookie: `clm_token_${port}=abc` } });
  assert.equal(badCookie.status, 401);
  await badCookie.arrayBuffer();

  const seat = await fetch(`${base}/seat/v1/status`);
  assert.equal(seat.status, 200, 'the seat protocol needs no login token');
  assert.deepEqual(await seat.json(), { products: [] });
  assert.deepEqual(seatCalls, ['GET /seat/v1/status']);
});

test('?token= sets an HttpOnly SameSite=Strict cookie, and the cookie opens the UI and the bridge', async () => {
  const res = await fetch(`${base}/?token=${token}`, { redirect: 'manual' });
  assert.equal(res.status, 302);
  assert.equal(res.headers.get('location'), '/');
  const cookie = res.headers.get('set-cookie') ?? '';
  assert.match(
    cookie,
    new RegExp(`^clm_token_${port}=[0-9a-f]{64}; HttpOnly; SameSite=Strict; Path=/`),
  );
  const jar = cookie.split(';')[0] as string;

  const page = await fetch(`${base}/`, { headers: { cookie: jar } });
  assert.equal(page.status, 200);
  assert.equal(page.headers.get('content-security-policy'), CSP);
  assert.match(await page.text(), /<div id="root">/);
  const spa = await fetch(`${base}/licensing/anything`, { headers: { cookie: jar } });
  assert.match(await spa.text(), /<div id="root">/, 'SPA routes fall back to index.html');
  const js = await fetch(`${base}/assets/app-1234.js`, { headers: { cookie: jar } });
  assert.equal(js.headers.get('content-type'), 'text/javascript; charset=utf-8');
  assert.match(js.headers.get('cache-control') ?? '', /immutable/);
  await js.arrayBuffer();
  const css = await fetch(`${base}/assets/app-1234.css`, { headers: { cookie: jar } });
  assert.equal(css.headers.get('content-type'), 'text/css; charset=utf-8');
  await css.arrayBuffer();
  for (const path of ['/assets/missing.js', '/..%2fsecret.txt', '/assets/..%2f..%2fsecret.txt']) {
    const r = await fetch(base + path, { headers: { cookie: jar } });
    assert.equal(r.status, 404, path);
    assert.doesNotMatch(await r.text(), /outside/);
  }

  const call = await fetch(`${base}/api/call/session.get`, {
    method: 'POST',
    headers: { cookie: jar, 'x-clm-bridge': '1', 'content-type': 'application/json' },
    body: '{}',
  });
  assert.equal(call.status, 200);
  const env = (await call.json()) as { ok: boolean; value: { signedIn: boolean } };
  assert.equal(env.ok, true);
  assert.equal(env.value.signedIn, false);
});

test('bridge: CSRF header, bad JSON, schema errors, body limit, unknown call', async () => {
  const noHeader = await fetch(`${base}/api/call/session.get`, {
    method: 'POST',
    headers: auth,
    body: '{}',
  });
  assert.equal(noHeader.status, 403);
  assert.deepEqual(await noHeader.json(), {
    ok: false,
    error: { code: 'forbidden', message: 'Bridge calls need the header X-CLM-Bridge: 1' },
  });

  const bad = await fetch(`${base}/api/call/session.signIn`, {
    method: 'POST',
    headers: bridge,
    body: '{"email":',
  });
  const badEnv = (await bad.json()) as { ok: false; error: { code: string; message: string } };
  assert.equal(badEnv.ok, false);
  assert.equal(badEnv.error.code, 'bad_request');
  assert.match(badEnv.error.message, /^The request body is not valid JSON/);

  const missing = await fetch(`${base}/api/call/session.signIn`, {
    method: 'POST',
    headers: bridge,
    body: JSON.stringify({ email: ADMIN.email }),
  });
  const missingEnv = (await missing.json()) as {
    ok: false;
    error: { code: string; message: string };
  };
  assert.equal(missingEnv.error.code, 'bad_request');
  assert.match(missingEnv.error.message, /password is required/);
  assert.equal(core.session().signedIn, false, 'no state change');

  const big = await fetch(`${base}/api/call/session.get`, {
    method: 'POST',
    headers: bridge,
    body: JSON.stringify({ pad: 'x'.repeat(1024 * 1024 + 10) }),
  });
  assert.equal(big.status, 413);
  assert.equal(
    ((await big.json()) as { error: { message: string } }).error.message,
    'The request body is over 1 MB',
  );

  const unknown = await fetch(`${base}/api/call/nope.nothing`, {
    method: 'POST',
    headers: bridge,
    body: '{}',
  });
  assert.deepEqual(await unknown.json(), {
    ok: false,
    error: { code: 'bad_request', message: 'Unknown call: nope.nothing' },
  });

  const get = await fetch(`${base}/api/call/session.get`, { headers: auth });
  assert.equal(get.status, 405);
  await get.arrayBuffer();
});

test('the SSE stream delivers sync.status (current state at once, then each change) and heartbeats', async () => {
  const ctrl = new AbortController();
  const res = await fetch(`${base}/api/events`, { headers: auth, signal: ctrl.signal });
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /^text\/event-stream/);
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  const events: { name: string; data: unknown }[] = [];
  let heartbeats = 0;
  async function until(pred: () => boolean): Promise<void> {
    while (!pred()) {
      const { value, done } = await within('the next server-sent event', reader.read());
      if (done) throw new Error('stream ended');
      buffer += value;
      let i: number;
      while ((i = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        if (block.startsWith(':')) heartbeats++;
        const name = /^event: (.+)$/m.exec(block)?.[1];
        const data = /^data: (.+)$/m.exec(block)?.[1];
        if (name && data) events.push({ name, data: JSON.parse(data) });
      }
    }
  }
  try {
    await until(() => events.some((e) => e.name === 'sync.status'));
    // Sign in through the bridge: the stream reports the synced status.
    const signIn = await fetch(`${base}/api/call/session.signIn`, {
      method: 'POST',
      headers: bridge,
      body: JSON.stringify(ADMIN),
    });
    assert.equal(((await signIn.json()) as { ok: boolean }).ok, true);
    await until(() =>
      events.some((e) => e.name === 'sync.status' && (e.data as SyncStatus).lastSyncAt !== null),
    );
    await until(() => events.some((e) => e.name === 'data.changed'));
    await until(() => heartbeats > 0);
    const synced = events.find(
      (e) => e.name === 'sync.status' && (e.data as SyncStatus).lastSyncAt !== null,
    );
    assert.equal((synced?.data as SyncStatus).online, true);
    assert.ok(events.some((e) => e.name === 'session.changed'));
  } finally {
    ctrl.abort();
    await reader.cancel().catch(() => undefined);
  }
});
