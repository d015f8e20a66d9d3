// `clm serve --bind` to a network address: render nodes reach the seat protocol there, while
// the web UI and /api/ answer only this machine's browsers unless the operator passes --expose-ui.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { networkInterfaces } from 'node:os';
import { createInterface } from 'node:readline';
import { after, test } from 'node:test';
import { removeTempDirs, root, tempDir } from '../core/helpers.ts';
import { within } from '../support/wait.ts';

const cli = join(root, 'dist', 'cli.js');
const children: ChildProcess[] = [];
after(() => {
  for (const c of children)
    if (c.exitCode === null && c.signalCode === null) {
      try {
        process.kill(-(c.pid as number), 'SIGKILL'); // serve and its embedded cloud
      } catch {
        // already gone
      }
    }
  removeTempDirs();
});

/** A non-loopback IPv4 address of this machine: a request to it comes from it, not from loopback. */
const lan = Object.values(networkInterfaces())
  .flat()
  .find((i) => i && !i.internal && i.family === 'IPv4')?.address;
const skip = lan ? false : 'this machine has no non-loopback IPv4 address to bind to';

const REFUSAL =
  "The web UI answers only on the license server's own machine, because over plain HTTP its login token would travel unencrypted; to open it to the network, start clm serve with --expose-ui.";

/** `clm serve` in text mode, as an operator starts it: the URL line and the lines after it. */
async function serve(args: string[]) {
  const child = spawn(
    process.execPath,
    [cli, 'serve', '--port', '0', '--data', tempDir('bind'), ...args],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  children.push(child);
  let stderr = '';
  const stderrWaiters: (() => void)[] = [];
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (d: string) => {
    stderr += d;
    stderrWaiters.splice(0).forEach((w) => w());
  });
  const exited = new Promise<number | null>((resolve) => child.once('close', resolve));
  const lines = await new Promise<string[]>((resolve, reject) => {
    const got: string[] = [];
    createInterface({ input: child.stdout! }).on('line', (line) => {
      got.push(line);
      // The URL line and the two reach lines.
      if (got.length === 3) resolve(got);
    });
    void exited.then((code) => reject(new Error(`clm serve exited (${code}): ${stderr}`)));
  });
  const m = /^Chaos License Manager is serving on (http:\/\/[^/]+)\/\?token=([0-9a-f]+)$/.exec(
    lines[0] as string,
  );
  assert.ok(m, lines[0]);
  return {
    uiBase: m[1] as string,
    token: m[2] as string,
    port: Number(new URL(m[1] as string).port),
    lines,
    /** Resolves once stderr contains `text`. */
    async stderrHas(text: string): Promise<string> {
      while (!stderr.includes(text))
        await within(`"${text}" on stderr`, new Promise<void>((r) => stderrWaiters.push(r)));
      return stderr;
    },
    stop() {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

function bridgeCall(base: string, token: string, name: string) {
  return fetch(`${base}/api/call/${name}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'x-clm-bridge': '1',
      'content-type': 'application/json',
    },
    body: '{}',
  });
}

test(
  '--bind to a network address: the seat protocol answers there, the web UI and /api/ only on loopback',
  { skip, timeout: 90_000 },
  async () => {
    const s = await serve(['--bind', lan as string]);
    const net = `http://${lan}:${s.port}`;
    assert.equal(s.uiBase, `http://127.0.0.1:${s.port}`, 'the printed URL is the loopback one');
    assert.deepEqual(s.lines.slice(1), [
      `Seat protocol: ${net}/seat/v1/, for render nodes on the network.`,
      `Web UI and /api/: this machine only, http://127.0.0.1:${s.port}/ (--expose-ui opens them to the network).`,
    ]);

    // From the network address: the seat protocol answers, without any token.
    const seats = await fetch(`${net}/seat/v1/status`);
    assert.equal(seats.status, 200);
    assert.ok(Array.isArray(((await seats.json()) as { products: unknown[] }).products));

    // A browser on the network gets the styled refusal, even with the right token in the URL.
    for (const path of ['/', `/?token=${s.token}`]) {
      const page = await fetch(`${net}${path}`, {
        headers: { accept: 'text/html' },
        redirect: 'manual',
      });
      assert.equal(page.status, 403, path);
      assert.equal(page.headers.get('set-cookie'), null, 'no token cookie crosses the network');
      const html = await page.text();
      assert.match(html, /<link rel="stylesheet" href="\/refused.css">/);
      assert.match(html, /<h1>The web UI is not open to the network<\/h1>/);
      assert.ok(
        html.includes(
          REFUSAL.replace('clm serve', '<code>clm serve</code>').replace(
            '--expose-ui',
            '<code>--expose-ui</code>',
          ),
        ),
        html,
      );
    }
    const css = await fetch(`${net}/refused.css`);
    assert.equal(css.status, 200, 'the refusal page keeps its style');
    assert.match(css.headers.get('content-type') ?? '', /^text\/css/);

    // The bridge and the event stream refuse a network client, even with the token.
    const call = await bridgeCall(net, s.token, 'session.demoAccounts');
    assert.equal(call.status, 403);
    assert.deepEqual(await call.json(), {
      ok: false,
      error: { code: 'forbidden', message: REFUSAL },
    });
    const events = await fetch(`${net}/api/events`, {
      headers: { authorization: `Bearer ${s.token}` },
    });
    assert.equal(events.status, 403);
    assert.deepEqual(await events.json(), { error: 'forbidden', message: REFUSAL });

    // This machine's browser works as before, on loopback.
    const login = await fetch(`${s.uiBase}/?token=${s.token}`, { redirect: 'manual' });
    assert.equal(login.status, 302);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
    assert.match(cookie, new RegExp(`^clm_token_${s.port}=${s.token}$`));
    const ui = await fetch(`${s.uiBase}/`, { headers: { cookie } });
    assert.equal(ui.status, 200);
    assert.match(await ui.text(), /<div id="root">/);
    const local = await bridgeCall(s.uiBase, s.token, 'session.demoAccounts');
    assert.equal(local.status, 200);
    assert.equal(((await local.json()) as { ok: boolean }).ok, true);
    assert.equal((await fetch(`${s.uiBase}/seat/v1/status`)).status, 200);
    assert.equal(await s.stop(), 0);
  },
);

test(
  '--expose-ui: the web UI answers the network (token still required) and the start warns that the token travels unencrypted',
  { skip, timeout: 90_000 },
  async () => {
    const s = await serve(['--bind', lan as string, '--expose-ui']);
    const net = `http://${lan}:${s.port}`;
    assert.equal(s.uiBase, net);
    assert.deepEqual(s.lines.slice(1), [
      `Seat protocol: ${net}/seat/v1/, for render nodes on the network.`,
      `Web UI and /api/: ${net}/ from the network, with the login token.`,
    ]);
    await s.stderrHas(
      'Warning: --expose-ui serves the web UI to the network over plain HTTP: the login token and its cookie travel unencrypted, so anyone who can watch the network can take over this app. Use it only on a trusted network, or put an HTTPS proxy in front.',
    );

    const noToken = await fetch(`${net}/`, { headers: { accept: 'text/html' } });
    assert.equal(noToken.status, 401);
    assert.match(await noToken.text(), /<h1>Login token missing<\/h1>/);
    const noTokenCall = await fetch(`${net}/api/call/session.demoAccounts`, {
      method: 'POST',
      headers: { 'x-clm-bridge': '1' },
    });
    assert.equal(noTokenCall.status, 401);

    const login = await fetch(`${net}/?token=${s.token}`, { redirect: 'manual' });
    assert.equal(login.status, 302);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const ui = await fetch(`${net}/`, { headers: { cookie } });
    assert.equal(ui.status, 200);
    assert.match(await ui.text(), /<div id="root">/);
    const call = await bridgeCall(net, s.token, 'session.demoAccounts');
    assert.equal(((await call.json()) as { ok: boolean }).ok, true);
    assert.equal((await fetch(`${net}/seat/v1/status`)).status, 200);
    assert.equal(await s.stop(), 0);
  },
);
