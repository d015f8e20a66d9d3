// Every security and lifecycle decision of the desktop shell, as the pure functions main.ts,
// security.ts and ipc.ts apply (docs/requirements.md §12): links, navigation, permissions, senders, deep links,
// close-to-tray, quitting while seats are held, the tray's lines and the update comparison.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  autostartEntry,
  closeAction,
  decideWindowOpen,
  deepLinkFromArgv,
  deepLinkRoute,
  externalLink,
  loginItemSettings,
  navigationAllowed,
  parseDeepLink,
  permissionGranted,
  quitQuestion,
  senderAllowed,
  startsHidden,
} from '../../src-main/electron/decisions.ts';
import { leasesHeld, trayItems, trayTooltip } from '../../src-main/electron/tray-menu.ts';
import { compareVersions, describeUpdate, isNewerVersion } from '../../src-shared/update-state.ts';

test('new windows are always denied; only parsed http(s) links go to the system browser', () => {
  assert.deepEqual(decideWindowOpen('https://docs.chaos.com/a?b=1#c'), {
    action: 'deny',
    openExternally: 'https://docs.chaos.com/a?b=1#c',
  });
  assert.equal(externalLink('HTTP://Example.COM'), 'http://example.com/');
  for (const url of [
    'file:///etc/passwd',
    'javascript:alert(1)',
    'smb://host/share',
    'clm://invitation/x',
    'app://renderer/index.html',
    'https://user:pw@example.com/',
    'not a url',
    '',
  ]) {
    assert.deepEqual(decideWindowOpen(url), { action: 'deny', openExternally: null }, url);
  }
});

test('navigation never leaves the app’s own pages', () => {
  assert.equal(navigationAllowed('app://renderer/index.html'), true);
  for (const url of [
    'https://example.com/',
    'app://renderer.evil.example/',
    'file:///app/renderer/index.html',
    'http://127.0.0.1:30304/',
  ])
    assert.equal(navigationAllowed(url), false, url);
});

test('no permission is granted to any page', () => {
  for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal'])
    assert.equal(permissionGranted(p), false);
});

test('the bridge answers only the app’s own top-level frame, by its parsed URL', () => {
  assert.equal(senderAllowed({ url: 'app://renderer/index.html#/licensing', parent: null }), true);
  assert.equal(senderAllowed({ url: 'app://renderer/index.html', parent: {} }), false);
  assert.equal(
    senderAllowed({ url: 'https://evil.example/?app://renderer/', parent: null }),
    false,
  );
  assert.equal(senderAllowed(null), false);
  assert.equal(senderAllowed(undefined), false);
});

test('clm://invitation/<id> is parsed; anything else is refused', () => {
  assert.deepEqual(parseDeepLink('clm://invitation/inv_3f9c'), {
    kind: 'invitation',
    id: 'inv_3f9c',
  });
  assert.deepEqual(parseDeepLink('CLM://invitation/inv_3f9c/'), {
    kind: 'invitation',
    id: 'inv_3f9c',
  });
  // The link the cloud's invitation mail and notice carry (src-shared/org/notices.ts).
  assert.deepEqual(parseDeepLink('clm://invite/inv_3f9c'), { kind: 'invitation', id: 'inv_3f9c' });
  for (const url of [
    'clm://invitation/',
    'clm://invites/x',
    'clm://invitation/a/b',
    'clm://invitation/%2e%2e',
    'clm://invitation/x?then=https://evil',
    'clm://settings/x',
    'https://invitation/x',
    'clm://user@invitation/x',
    'nonsense',
  ])
    assert.equal(parseDeepLink(url), null, url);
  assert.deepEqual(deepLinkFromArgv(['/opt/clm', '--flag', 'clm://invitation/inv_1']), {
    kind: 'invitation',
    id: 'inv_1',
  });
  assert.equal(deepLinkFromArgv(['/opt/clm', 'https://invitation/inv_1']), null);
  assert.equal(deepLinkRoute({ kind: 'invitation', id: 'inv_1' }), '#/products/invitation/inv_1');
});

test('closing the window hides it unless the app is quitting', () => {
  assert.equal(closeAction({ quitting: false }), 'hide');
  assert.equal(closeAction({ quitting: true }), 'close');
});

test('Quit asks only when seats are held, and says what quitting does', () => {
  assert.equal(quitQuestion(0), null);
  assert.equal(
    quitQuestion(1),
    '1 seat is in use on this license server. Quitting stops it, and render apps lose their licenses. Quit anyway?',
  );
  assert.match(quitQuestion(3) ?? '', /^3 seats are in use/);
});

test('the tray shows seats in use per product, the update state, Open and Quit', () => {
  const summary = {
    at: '+0d',
    products: [
      { product: 'vray-maya', total: 5, inUse: 2 },
      { product: 'enscape', total: 1, inUse: 1 },
    ],
  };
  assert.equal(leasesHeld(summary), 3);
  assert.equal(leasesHeld(null), 0);
  assert.equal(trayTooltip(summary), 'Chaos License Server: 3 seats in use');
  assert.equal(trayTooltip(null), 'Chaos License Server: 0 seats in use');
  const labels = trayItems(summary, { phase: 'downloaded', version: '0.2.0' }).map((i) =>
    i.kind === 'separator' ? '—' : i.label,
  );
  assert.deepEqual(labels, [
    'vray-maya: 2 of 5 in use',
    'enscape: 1 of 1 in use',
    '—',
    'Update 0.2.0 is ready: restart to install it',
    'Restart to update',
    'Open Chaos License Manager',
    'Quit',
  ]);
  assert.equal(trayItems(null, { phase: 'idle' })[0]?.kind, 'info');
});

test('the app’s own version comparison orders releases and pre-releases', () => {
  assert.equal(isNewerVersion('0.1.0', '0.2.0'), true);
  assert.equal(isNewerVersion('0.1.0', '0.1.0'), false);
  assert.equal(isNewerVersion('0.2.0', '0.1.9'), false);
  assert.equal(isNewerVersion('0.1.0', '0.1.1-beta.1'), true);
  assert.equal(isNewerVersion('1.0.0-beta.2', '1.0.0'), true);
  assert.equal(compareVersions('1.0.0-beta.10', '1.0.0-beta.2'), 1);
  assert.equal(compareVersions('1.0.0-alpha', '1.0.0-alpha.1'), -1);
  assert.equal(compareVersions('garbage', '1.0.0'), null);
  assert.equal(isNewerVersion('0.1.0', 'garbage'), false);
  assert.equal(
    describeUpdate({ phase: 'failed', message: 'offline' }),
    'Update check failed: offline',
  );
});

test('started at login the app stays in the tray; a login item starts it so', () => {
  assert.equal(startsHidden(['/opt/clm/clm'], {}), false);
  assert.equal(startsHidden(['/opt/clm/clm', '--hidden'], {}), true);
  assert.equal(startsHidden(['/opt/clm/clm'], { wasOpenedAtLogin: true }), true);
  assert.equal(
    startsHidden(['/opt/clm/clm', 'clm://invitation/inv_1'], { wasOpenedAtLogin: false }),
    false,
  );
  assert.deepEqual(loginItemSettings(true), { openAtLogin: true, args: ['--hidden'] });
  assert.deepEqual(loginItemSettings(false), { openAtLogin: false, args: ['--hidden'] });
  const entry = autostartEntry('/home/ana/Apps/Chaos License Manager.AppImage');
  assert.match(entry, /^\[Desktop Entry\]\nType=Application\n/);
  assert.match(entry, /^Exec="\/home\/ana\/Apps\/Chaos License Manager\.AppImage" --hidden$/m);
  // Quoted and escaped as the Desktop Entry spec says: a path cannot inject arguments or codes.
  assert.match(autostartEntry('/opt/a"b$c%d'), /^Exec="\/opt\/a\\\\"b\\\\\$c%%d" --hidden$/m);
});
