// Sign-in throttling (issue 21): tried as a new user would, wrong passwords are slowed and then
// refused for a while (429 + Retry-After) per account and per address, with the counts in the
// database so two cloud nodes on one store share them; the owner is never locked out for good.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { manualClock } from '../../src-shared/clock.ts';
import { FREE_FAILURES, MAX_BLOCK_MS, tooManyAttempts } from '../../src-cloud/auth/throttle.ts';
import { ADMIN, DEMO_PASSWORD, startTestCloud, type TestCloud } from './helpers.ts';

interface Tried {
  status: number;
  retryAfter: string | null;
  message: string;
}

async function signIn(cloud: TestCloud, email: string, password: string): Promise<Tried> {
  const res = await fetch(`${cloud.url}/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const body = (await res.json()) as { message?: string };
  return {
    status: res.status,
    retryAfter: res.headers.get('retry-after'),
    message: body.message ?? '',
  };
}

describe('sign-in throttling across two cloud nodes on one store', () => {
  const clock = manualClock(Date.now());
  let a: TestCloud;
  let b: TestCloud;
  before(async () => {
    a = await startTestCloud({ clock });
    // The second node opens the same store: what one counts, the other sees.
    b = await startTestCloud({
      clock,
      dataDir: a.dataDir,
      databaseUrl: a.databaseUrl,
      seed: null,
    });
  });
  after(async () => {
    await b.stop();
    await a.close();
  });

  test('wrong passwords for one account: 401 at first, then 429 with Retry-After on either node', async () => {
    const nodes = [a, b];
    for (let i = 0; i < FREE_FAILURES.account; i++) {
      const r = await signIn(nodes[i % 2] as TestCloud, ADMIN, `wrong-${i}`);
      assert.equal(r.status, 401, `failure ${i + 1} answers 401`);
    }
    // The next failure still answers 401 but closes the door for a second.
    assert.equal((await signIn(b, ADMIN, 'wrong-again')).status, 401);
    for (const node of nodes) {
      const r = await signIn(node, ADMIN, DEMO_PASSWORD);
      assert.equal(r.status, 429, 'even the right password waits');
      assert.equal(r.retryAfter, '1');
      assert.equal(r.message, tooManyAttempts(1));
    }
    clock.advance(1_000);
    // Each further failure doubles the wait.
    assert.equal((await signIn(a, ADMIN, 'wrong-more')).status, 401);
    const slowed = await signIn(b, ADMIN, 'wrong-more');
    assert.equal(slowed.status, 429);
    assert.equal(slowed.retryAfter, '2');
    clock.advance(2_000);
    const owner = await signIn(b, ADMIN, DEMO_PASSWORD);
    assert.equal(owner.status, 200, 'the owner signs in once the wait is over');
    // A success clears the account's count: the next typo is a plain 401 again.
    assert.equal((await signIn(a, ADMIN, 'typo')).status, 401);
    assert.equal((await signIn(a, ADMIN, DEMO_PASSWORD)).status, 200);
  });

  test('a long attack blocks for at most 15 minutes; the owner is never locked out for good', async () => {
    const email = 'marco.rossi@northwind.example';
    for (let i = 0; i < 40; i++) {
      const r = await signIn(i % 2 ? a : b, email, `guess-${i}`);
      if (r.status === 429) clock.advance(Number(r.retryAfter) * 1000);
      else assert.equal(r.status, 401);
    }
    const blocked = await signIn(a, email, DEMO_PASSWORD);
    assert.equal(blocked.status, 429);
    assert.ok(Number(blocked.retryAfter) * 1000 <= MAX_BLOCK_MS, `waits ${blocked.retryAfter} s`);
    clock.advance(MAX_BLOCK_MS);
    assert.equal((await signIn(b, email, DEMO_PASSWORD)).status, 200);
  });

  test('many accounts tried from one address: the address is refused for a while', async () => {
    clock.advance(2 * 60 * 60_000); // earlier failures of this address are forgotten
    let status = 401;
    let tries = 0;
    while (status === 401 && tries < FREE_FAILURES.address + 2) {
      status = (await signIn(tries % 2 ? a : b, `nobody-${tries}@example.com`, 'x')).status;
      tries++;
    }
    assert.equal(tries, FREE_FAILURES.address + 2, 'the address failures past the free ones');
    assert.equal(status, 429);
    const other = await signIn(a, 'someone-else@example.com', 'x');
    assert.equal(other.status, 429, 'any account from that address waits');
    assert.ok(Number(other.retryAfter) >= 1);
    clock.advance(Number(other.retryAfter) * 1000);
    assert.equal((await signIn(b, ADMIN, DEMO_PASSWORD)).status, 200);
  });
});
