// The cloud's change feed and mutation path at organization scale: an organization of 10,000 users
// and 50,000 assignments built directly in a temp database, then measured over real HTTP against
// `clm cloud` in its own process: a full pull (< 300 ms) and a batch of 1,000 invitations (< 500 ms).
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BIG_ADMIN,
  BIG_PRODUCTS,
  buildBigOrg,
  startCloudProcess,
  outsiderEmail,
} from '../test/support/big-org.ts';
import { atMost, info, median, type Bench } from './lib.ts';

const USERS = 10_000;
const PURCHASES = BIG_PRODUCTS.length;
const INVITE_BATCH = 1_000;
const INVITE_ROUNDS = 3;
const PULL_ROUNDS = 7;
const ADMIN = BIG_ADMIN.email;
const PASSWORD = BIG_ADMIN.password;

const bench: Bench = async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'clm-feed-bench-'));
  let child: ChildProcess | undefined;
  try {
    await buildBigOrg(dataDir, {
      users: USERS,
      guestEvery: 5,
      outsiders: INVITE_BATCH * INVITE_ROUNDS,
    });
    const cloud = await startCloudProcess(dataDir);
    child = cloud.child;
    const signIn = await fetch(`${cloud.url}/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: ADMIN, password: PASSWORD }),
    });
    const { accessToken } = (await signIn.json()) as { accessToken: string };
    const auth = { authorization: `Bearer ${accessToken}` };

    // Full pull: the time from request to the last byte of the answer, median of several.
    const pulls: number[] = [];
    let bytes = 0;
    let cursor = 0;
    for (let i = 0; i < PULL_ROUNDS + 1; i++) {
      const t0 = performance.now();
      const r = await fetch(`${cloud.url}/v1/pull?cursor=0`, { headers: auth });
      const text = await r.text();
      const ms = performance.now() - t0;
      if (r.status !== 200) throw new Error(`pull answered ${r.status}: ${text.slice(0, 200)}`);
      if (i > 0) pulls.push(ms); // the first warms the caches
      bytes = text.length;
      const answer = JSON.parse(text) as {
        cursor: number;
        changes: { users: unknown[]; assignments: unknown[] };
      };
      if (
        answer.changes.users.length !== USERS ||
        answer.changes.assignments.length !== USERS * PURCHASES
      )
        throw new Error('the full pull is missing rows');
      cursor = answer.cursor;
    }

    // Batches of 1,000 invitations, each applied in one transaction.
    const batches: number[] = [];
    for (let round = 0; round < INVITE_ROUNDS; round++) {
      const invitations = Array.from({ length: INVITE_BATCH }, (_, i) => ({
        email: outsiderEmail(round * INVITE_BATCH + i),
        role: 'member',
      }));
      const body = JSON.stringify({ invitations });
      const t0 = performance.now();
      const r = await fetch(`${cloud.url}/v1/org/invitations/batch`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body,
      });
      const answer = (await r.json()) as { value?: { sent: number } };
      batches.push(performance.now() - t0);
      if (r.status !== 200 || answer.value?.sent !== INVITE_BATCH)
        throw new Error(
          `invitation batch answered ${r.status}: ${JSON.stringify(answer).slice(0, 200)}`,
        );
    }

    const t0 = performance.now();
    const inc = await fetch(`${cloud.url}/v1/pull?cursor=${cursor}`, { headers: auth });
    const incText = await inc.text();
    const incMs = performance.now() - t0;
    const incRows = (JSON.parse(incText) as { changes: { invitations: unknown[] } }).changes
      .invitations.length;

    return [
      atMost(
        'cloud feed: full pull of 10,000 users + 50,000 assignments (median)',
        median(pulls),
        'ms',
        300,
      ),
      info('cloud feed: full pull size', bytes / 1e6, 'MB'),
      atMost(
        'cloud mutations: batch of 1,000 invitations applied (median)',
        median(batches),
        'ms',
        500,
      ),
      info(
        `cloud feed: incremental pull of ${incRows} new invitations + their notifications`,
        incMs,
        'ms',
      ),
    ];
  } finally {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child?.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
};

export default bench;
