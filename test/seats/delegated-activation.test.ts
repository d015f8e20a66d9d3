// The first sign-in activates the license server from the user's session (a delegated cloud
// session), never from the password: a real core and seat service on a real cloud over HTTP.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { CloudServer } from '../../src-cloud/server.ts';
import type { Core } from '../../src-main/core/core.ts';
import type { SeatsAttachment } from '../../src-main/core/options.ts';
import { attachSeats, type AttachedSeats } from '../../src-main/seats/attach.ts';
import type { TokenAnswer } from '../../src-shared/cloud-api/schemas.ts';
import { ADMIN, openCore, removeTempDirs, startCloud, tempDir } from '../core/helpers.ts';

// The attachment's signature itself takes no password: only a way to obtain a session.
type OnSignInArgs = Parameters<NonNullable<SeatsAttachment['onSignIn']>>;
const onlyADelegate: OnSignInArgs extends [() => Promise<TokenAnswer>] ? true : false = true;

const MEMBER = 'marco.rossi@northwind.example';
const PASSWORD = 'demo1234';
const NEW_PASSWORD = 'changed-after-sign-in-7';

let cloud: CloudServer;
let core: Core;
let seats: AttachedSeats;
let credentialFile: string;
/** What the core handed the seat service on each sign-in. */
const received: unknown[][] = [];
/** How often the seat service asked the cloud for a delegated session. */
let delegations = 0;
/** Holds the first activation until the test lets it go. */
let release: () => void = () => undefined;
/** Each sign-in's activation attempt, to wait on. */
const runs: Promise<void>[] = [];

before(async () => {
  cloud = await startCloud(tempDir('cloud'));
  const dataDir = tempDir('desk');
  credentialFile = join(dataDir, 'credential');
  core = await openCore({ dataDir, cloudUrl: cloud.url, credentialFile });
  seats = attachSeats(core, { reapIntervalMs: 0, sampleIntervalMs: 0, poolRefreshMs: 3_600_000 });
  const attachment = core.seats as SeatsAttachment;
  const onSignIn = attachment.onSignIn?.bind(attachment);
  assert.ok(onSignIn);
  const gate = new Promise<void>((r) => (release = r));
  attachment.onSignIn = (...args: OnSignInArgs) => {
    received.push(args);
    const [delegate] = args;
    const counted = () => {
      delegations++;
      return delegate();
    };
    const run = runs.length ? onSignIn(counted) : gate.then(() => onSignIn(counted));
    runs.push(run);
    return run;
  };
});
after(async () => {
  await core.close();
  await cloud.close();
  removeTempDirs();
});

function storedCredentials(): Record<string, string> {
  return JSON.parse(readFileSync(credentialFile, 'utf8')) as Record<string, string>;
}

test('the first sign-in activates the server from the session, even after the password changed', async () => {
  assert.ok(onlyADelegate);
  assert.equal(seats.activation.identity().account, null);
  await core.signIn(MEMBER, PASSWORD);

  // What crossed into the seat service: one function, and nowhere the password.
  assert.equal(received.length, 1);
  const args = received[0] as unknown[];
  assert.equal(args.length, 1);
  assert.equal(typeof args[0], 'function');
  assert.ok(!args.some((a) => String(a).includes(PASSWORD)));

  // The user changes the password before the server asks: the server never needed it.
  await core.changePassword(PASSWORD, NEW_PASSWORD);
  release();
  await runs[0];

  const id = seats.activation.identity();
  assert.equal(id.account, MEMBER);
  assert.equal(id.message, undefined);
  assert.ok(id.poolFetchedAt, 'the pool was fetched with the delegated session');
  assert.equal(delegations, 1);
  const pool = await core.client.get('licenseServerPool');
  assert.deepEqual(
    seats.service
      .status()
      .products.map((p) => [p.product, p.total])
      .sort(),
    pool
      .filter((p) => p.total > 0)
      .map((p) => [p.productCode, p.total])
      .sort(),
  );

  // The server keeps a credential of its own, not the UI session's.
  const stored = storedCredentials();
  const serverKey = Object.keys(stored).find((k) => k.startsWith(`license server: ${MEMBER} @`));
  assert.ok(serverKey, JSON.stringify(Object.keys(stored)));
  const others = Object.entries(stored).filter(([k]) => k !== serverKey);
  assert.ok(others.length > 0, 'the UI session keeps its own entry');
  for (const [, token] of others) assert.notEqual(token, stored[serverKey]);
});

test('signing out of the UI does not end the server’s session', async () => {
  await core.signOut();
  const before = seats.activation.identity().poolFetchedAt;
  await seats.activation.refresh();
  const id = seats.activation.identity();
  assert.equal(id.account, MEMBER);
  assert.equal(id.message, undefined, 'its own session still fetches the pool');
  assert.ok(id.poolFetchedAt && id.poolFetchedAt >= (before ?? ''));
});

test('a later sign-in of another account does not switch the server nor ask for a session', async () => {
  await core.signIn(ADMIN.email, ADMIN.password);
  assert.equal(received.length, 2);
  await runs[1];
  assert.equal(seats.activation.identity().account, MEMBER);
  assert.equal(delegations, 1, 'no delegated session was asked for');
});
