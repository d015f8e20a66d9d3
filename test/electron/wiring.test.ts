// The desktop shell's wiring, run for real under Node with the typed stand-in for `electron`
// (docs/requirements.md §15): main.ts hardens every webContents, registers the bridge with sender checks, starts
// the core in a utility process (with the embedded demo cloud), creates the tray, and closing the
// window hides it while the license server keeps answering render apps on its port; a new
// invitation or assignment shows a native notification whose click opens its place; Quit asks
// while a render app holds a seat.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { register } from 'node:module';
import { createServer } from 'node:net';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CALL_CHANNEL } from '../../src-shared/bridge/channels.ts';
import { CONTENT_SECURITY_POLICY } from '../../src-shared/csp.ts';
import type { Envelope } from '../../src-shared/envelope.ts';
import { CSP as HEADLESS_CSP } from '../../src-main/local-server/server.ts';
import { FORBIDDEN_SENDER } from '../../src-main/electron/decisions.ts';
import type { OrgInvitationRow } from '../../src-shared/domain/org.ts';
import type { SessionState } from '../../src-shared/domain/session.ts';
import { cloudReader } from '../sync/helpers.ts';
import { eventually } from '../support/wait.ts';
import { standIn, app } from './stand-in/electron.ts';

register(new URL('./stand-in/hooks.mjs', import.meta.url));

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const seatPort = await freePort();
process.env.CLM_PORT = String(seatPort);
delete process.env.CLM_CLOUD_URL;
await import('../../src-main/electron/main.ts');

const PASSWORD = 'demo1234';
const TOM = 'tom.novak@example.com';
const MARCO = 'marco.rossi@northwind.example';
const SEATS = `http://127.0.0.1:${seatPort}/seat/v1`;
// The cloud's notices (src-shared/org/notices.ts, docs/sources.md, Portal guide §IV and §XIV).
const ASSIGNED =
  /^The administrator of Northwind Visualization has assigned 1 × .+ license to you\.$/;
const INVITED = 'admin@northwind.example has invited you to join their organization as Member.';
const TRUSTED = { url: 'app://renderer/index.html', parent: null };
function call(name: string, input: unknown, frame: unknown = TRUSTED) {
  const handler = standIn.ipcHandlers.get(CALL_CHANNEL);
  assert.ok(handler, 'the bridge is registered on its IPC channel');
  return handler({ senderFrame: frame }, name, input) as Promise<Envelope<unknown>>;
}

/** The demo organization's administrator on the embedded cloud, over its HTTP API. */
async function adminOfTheCloud() {
  const session = await call('session.get', {});
  assert.ok(session.ok);
  return cloudReader((session.value as SessionState).cloudUrl, 'admin@northwind.example', PASSWORD);
}

after(async () => {
  if (standIn.exitCode === null) app.quit();
  await eventually('the core to stop', () => standIn.exitCode !== null, { timeoutMs: 60_000 });
  for (const u of standIn.utilities) u.kill();
  rmSync(standIn.userData, { recursive: true, force: true });
});

test('the core runs in a utility process and answers the bridge through main', async () => {
  assert.equal(standIn.utilities.length >= 1, true, 'the core was forked as a utility process');
  assert.match(standIn.utilities[0]?.child.spawnargs.join(' ') ?? '', /core-process\.ts/);
  const demo = await eventually(
    'the demo accounts from the embedded cloud',
    async () => {
      const env = await call('session.demoAccounts', {});
      return env.ok && Array.isArray(env.value) && env.value.length > 0 ? env.value : null;
    },
    { timeoutMs: 120_000 },
  );
  assert.ok(demo.length > 0);
  // Its embedded cloud is a utility process too, started by main for the core.
  assert.equal(standIn.utilities.length, 2);
  const bad = await call('session.signIn', { email: 'not an email' });
  assert.equal(bad.ok, false, 'the input is validated in the core, unchanged contract');
});

test('the bridge refuses frames that are not the app’s own top-level page', async () => {
  for (const frame of [
    { url: 'https://evil.example/', parent: null },
    { url: 'app://renderer/index.html', parent: {} },
    { url: 'app://renderer.evil.example/index.html', parent: null },
    null,
  ]) {
    const env = await call('session.get', {}, frame);
    assert.equal(env.ok, false);
    assert.equal(!env.ok && env.error.message, FORBIDDEN_SENDER);
  }
});

test('every webContents is hardened by the one security module', async () => {
  assert.equal(standIn.sandboxEnabled, true);
  assert.ok(standIn.contents.length >= 1);
  for (const wc of standIn.contents) {
    const open = wc.windowOpenHandler;
    assert.ok(open, 'a window-open handler is set');
    const details = (url: string) => ({ url }) as Parameters<typeof open>[0];
    assert.deepEqual(open(details('https://docs.chaos.com/license')), { action: 'deny' });
    assert.deepEqual(open(details('file:///etc/passwd')), { action: 'deny' });
    assert.equal(wc.fire('will-navigate', 'https://evil.example/'), true);
    assert.equal(wc.fire('will-redirect', 'https://evil.example/'), true);
    assert.equal(wc.fire('will-navigate', 'app://renderer/index.html'), false);
    assert.equal(wc.fire('will-attach-webview', {}, {}), true);
  }
  assert.deepEqual(standIn.openedExternally, ['https://docs.chaos.com/license']);
  let granted: boolean | null = null;
  standIn.permissionRequest?.({}, 'media', (ok) => (granted = ok));
  assert.equal(granted, false);
  assert.equal(standIn.permissionCheck?.({}, 'notifications'), false);
  let headers: unknown = null;
  standIn.headers?.({ responseHeaders: {} }, (r) => (headers = r));
  assert.deepEqual(headers, {
    responseHeaders: { 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
  });
  assert.equal(HEADLESS_CSP, CONTENT_SECURITY_POLICY, 'one CSP for both');
});

test('closing the window hides it; the license server keeps serving; the tray reopens it', async () => {
  const tray = standIn.trays[0];
  assert.ok(tray, 'a tray icon is created');
  assert.match(tray.tooltip, /Chaos License Server: \d+ seats? in use/);
  const labels = tray.menu.map((m) => m.label);
  for (const l of ['Start at login', 'Open Chaos License Manager', 'Quit'])
    assert.ok(labels.includes(l), l);
  const win = standIn.windows[0];
  assert.ok(win);
  await eventually('the window to show', () => win.visible);
  win.userCloses();
  assert.equal(win.destroyed, false);
  assert.equal(win.visible, false);
  assert.equal(standIn.exitCode, null, 'the app did not quit');
  const res = await fetch(`http://127.0.0.1:${seatPort}/seat/v1/status`);
  assert.equal(res.status, 200, 'render apps still reach the license server');
  assert.equal((await call('session.get', {})).ok, true);
  tray.menu
    .find((m) => m.label === 'Open Chaos License Manager')
    ?.click?.(...([] as unknown as Parameters<NonNullable<(typeof tray.menu)[number]['click']>>));
  assert.equal(win.visible, true);
  tray.menu
    .find((m) => m.label === 'Start at login')
    ?.click?.(
      ...([{ checked: true }] as unknown as Parameters<
        NonNullable<(typeof tray.menu)[number]['click']>
      >),
    );
  // Linux has no login item in Electron: an XDG autostart entry starts the app hidden.
  if (process.platform === 'linux') {
    const entry = join(standIn.userData, 'autostart', 'chaos-license-manager.desktop');
    assert.match(readFileSync(entry, 'utf8'), /^Exec=".+" --hidden$/m);
  } else assert.deepEqual(standIn.loginItem, { openAtLogin: true, args: ['--hidden'] });
});

test('a new assignment shows a native notification; clicking it opens Products', async () => {
  // Marco, a Member with products: the license server serves his organization's seats.
  assert.equal((await call('session.signIn', { email: MARCO, password: PASSWORD })).ok, true);
  const status = await eventually('Marco’s seats on the license server', async () => {
    const res = await fetch(`${SEATS}/status`);
    const body = (await res.json()) as { products: Array<{ product: string; total: number }> };
    return body.products.find((p) => p.total > 0) ?? null;
  });
  const lease = await fetch(`${SEATS}/checkout`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      product: status.product,
      user: 'anna',
      host: 'render-01',
      clientId: 'c1',
    }),
  });
  assert.equal(lease.status, 200, 'a render app takes a seat');
  await eventually('the tray to count the seat', () =>
    /: 1 seat in use/.test(standIn.trays[0]?.tooltip ?? ''),
  );

  const admin = await adminOfTheCloud();
  const users = await admin.get<{ users: Array<{ id: string; email: string }> }>('/v1/org/users');
  const marco = users.users.find((u) => u.email === MARCO);
  assert.ok(marco);
  await admin.post('/v1/org/assignments', {
    userId: marco.id,
    purchaseId: 'pur_nw_rendernode',
    quantity: 1,
  });
  await call('sync.now', {});
  const shown = await eventually(
    'the assignment’s notification',
    () => standIn.notifications.find((n) => ASSIGNED.test(String(n.options.body))) ?? null,
    { timeoutMs: 60_000 },
  );
  assert.equal(shown.options.title, 'License assigned');
  // Shown once, and nothing Marco already had is shown.
  assert.deepEqual(
    standIn.notifications.map((n) => n.options.title),
    ['License assigned'],
  );
  const win = standIn.windows[0];
  assert.ok(win);
  win.hide();
  shown.userClicks();
  assert.equal(win.visible, true);
  assert.equal(win.url, 'app://renderer/index.html#/products');
});

test('a new invitation shows a native notification; clicking it opens that invitation', async () => {
  const before = standIn.notifications.length;
  assert.equal((await call('session.signOut', {})).ok, true);
  assert.equal((await call('session.signIn', { email: TOM, password: PASSWORD })).ok, true);
  const mine = await eventually('Tom’s pending invitation in the replica', async () => {
    const env = await call('org.invitations', { mine: true, status: 'pending' });
    const rows = env.ok ? (env.value as OrgInvitationRow[]) : [];
    return rows[0] ?? null;
  });
  const admin = await adminOfTheCloud();
  await admin.post('/v1/org/invitations/resend', { invitationId: mine.id });
  await call('sync.now', {});
  const shown = await eventually(
    'the invitation’s notification',
    () => standIn.notifications.slice(before).find((n) => n.options.body === INVITED) ?? null,
    { timeoutMs: 60_000 },
  );
  assert.equal(shown.options.title, 'Invitation');
  // Shown once, and nothing Tom already had (his invitation's first notice) is shown.
  assert.deepEqual(
    standIn.notifications.slice(before).map((n) => n.options.body),
    [INVITED],
  );
  const win = standIn.windows[0];
  assert.ok(win);
  win.hide();
  shown.userClicks();
  assert.equal(win.visible, true);
  assert.equal(win.url, `app://renderer/index.html#/products/invitation/${mine.id}`);
});

test('a clm://invitation link given to a second instance opens that invitation', () => {
  const win = standIn.windows[0];
  assert.ok(win);
  win.hide();
  app.emit('second-instance', {}, ['/usr/bin/clm', 'clm://invitation/inv_3f9c'], '/');
  assert.equal(win.visible, true);
  assert.equal(win.url, 'app://renderer/index.html#/products/invitation/inv_3f9c');
  // macOS hands the link over with open-url; a malformed link only shows the window.
  win.hide();
  let prevented = false;
  app.emit('open-url', { preventDefault: () => (prevented = true) }, 'clm://invitation/inv_7a21');
  assert.equal(prevented, true);
  assert.equal(win.url, 'app://renderer/index.html#/products/invitation/inv_7a21');
  win.hide();
  app.emit('second-instance', {}, ['/usr/bin/clm', 'clm://settings/danger'], '/');
  assert.equal(win.visible, true);
  assert.equal(win.url, 'app://renderer/index.html#/products/invitation/inv_7a21');
});

test('Quit asks while a seat is held; kept, the server serves on; then the app exits', async () => {
  const core = standIn.utilities[0];
  assert.ok(core);
  standIn.messageBoxResponse = 1; // Keep serving
  app.quit();
  await eventually('the question', () => standIn.messageBoxes.length > 0);
  assert.deepEqual(standIn.messageBoxes, [
    '1 seat is in use on this license server. Quitting stops it, and render apps lose their licenses. Quit anyway?',
  ]);
  assert.equal(standIn.exitCode, null, 'kept serving');
  assert.equal((await fetch(`${SEATS}/status`)).status, 200);
  assert.equal(standIn.trays[0]?.destroyed, false);
  standIn.messageBoxResponse = 0; // Quit
  app.quit();
  await eventually('the app to exit', () => standIn.exitCode !== null, { timeoutMs: 60_000 });
  assert.equal(standIn.exitCode, 0);
  await eventually('the core process to end', () => core.child.exitCode !== null);
  assert.equal(core.child.exitCode, 0, 'the core closed itself (leases persisted)');
});
