// A real HTTP proxy carries every cloud call of the app and of
// its license server. The cloud's host name resolves only inside the proxy, so a call that went
// direct could not arrive; a proxy that does not answer is named in the error and sync status.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Core } from '../../src-main/core/core.ts';
import { attachSeats, type AttachedSeats } from '../../src-main/seats/attach.ts';
import { AppError } from '../../src-shared/errors.ts';
import { startTestCloud, type TestCloud } from '../cloud/helpers.ts';
import { openCore, removeTempDirs, tempDir } from '../core/helpers.ts';
import { startTestProxy, type TestProxy } from '../support/proxy.ts';
import { eventually } from '../support/wait.ts';
import { ADMIN, PASSWORD } from './helpers.ts';

let cloud: TestCloud;
let proxy: TestProxy;
let core: Core;
let seats: AttachedSeats;
let hiddenUrl: string;

before(async () => {
  cloud = await startTestCloud();
  proxy = await startTestProxy({ 'cloud.invalid': '127.0.0.1' });
  hiddenUrl = cloud.url.replace('127.0.0.1', 'cloud.invalid');
  const dataDir = tempDir('proxied');
  core = await openCore({
    dataDir,
    cloudUrl: hiddenUrl,
    credentialFile: join(dataDir, 'credential'),
    proxyUrl: proxy.url,
  });
  seats = attachSeats(core, { reapIntervalMs: 0, sampleIntervalMs: 0, dongles: false });
});
after(async () => {
  await core.close();
  await proxy.close();
  await cloud.close();
  removeTempDirs();
});

test('sign-in, sync and the license server’s activation all go through the proxy', async () => {
  await core.signIn(ADMIN, PASSWORD);
  // The server acknowledges its entitlement once it holds it: the last call of an activation.
  await eventually('the server activated through the proxy', () =>
    proxy.seen.some((s) => s.endsWith('/v1/license-servers/ack')),
  );
  assert.ok(seats.activation.identity().entitlement);
  const paths = proxy.seen.map((s) => new URL(s.split(' ')[1] ?? '').pathname);
  for (const p of [
    '/v1/auth/sign-in',
    '/v1/auth/delegate',
    '/v1/keys',
    '/v1/license-servers/entitlement',
    '/v1/license-servers/ack',
  ])
    assert.ok(paths.includes(p), `${p} went through the proxy: ${paths.join(', ')}`);
  assert.ok(Object.keys(seats.service.status().products).length > 0);
});

test('files the cloud serves (an invoice PDF) come through the proxy too', async () => {
  if (!core.client.hasRefreshToken()) await core.signIn(ADMIN, PASSWORD);
  const before = proxy.seen.length;
  const pdf = await core.client.file('/v1/invoices/INV-2026-001183/pdf');
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  assert.ok(
    proxy.seen.slice(before).some((s) => s.includes('/v1/invoices/INV-2026-001183/pdf')),
    proxy.seen.slice(before).join(', '),
  );
});

test('a proxy that does not answer is named', async () => {
  const dataDir = tempDir('badproxy');
  const lost = await openCore({
    dataDir,
    cloudUrl: hiddenUrl,
    credentialFile: join(dataDir, 'credential'),
    proxyUrl: 'http://127.0.0.1:9',
  });
  try {
    const err = await lost.signIn(ADMIN, PASSWORD).then(
      () => assert.fail('signed in'),
      (e: unknown) => AppError.from(e),
    );
    assert.match(
      err.message,
      /is unreachable \(proxy http:\/\/127\.0\.0\.1:9 failed: ECONNREFUSED\)/,
    );
  } finally {
    await lost.close();
  }
});
