// Issue 6 (invitee and user side), cloud: marking notifications read over REST and through
// POST /v1/mutations with identical outcomes, only one's own, bad input refused with nothing
// changed, the feed carrying the change; and the caller's own credits in GET /v1/organization.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { readSeedFile } from '../../src-cloud/store/seed.ts';
import { ADMIN, demoSeed, startTestCloud, type TestCloud } from './helpers.ts';

interface Notice {
  id: string;
  kind: string;
  text: string;
  readAt: string | null;
}
interface Pull {
  cursor: number;
  reset: boolean;
  changes: { notifications?: Notice[] };
}
interface Outcome {
  status: 'accepted' | 'rejected';
  code?: string;
  message?: string;
  value?: Record<string, unknown>;
  error?: string;
}

const TOM = 'tom.novak@example.com';
const MARCO = 'marco.rossi@northwind.example';

/** The organizational pool as the seed fills it, without lots that have expired by now. */
function seedPool(): number {
  const now = new Date().toISOString();
  const seed = readSeedFile(demoSeed, Date.parse(now));
  const sum = (seed.creditLots ?? [])
    .filter((l) => l.owner === ADMIN && (l.expiresAt === null || l.expiresAt > now))
    .reduce((n, l) => n + (l.remaining ?? l.amount), 0);
  return Math.round(sum * 1000) / 1000;
}

describe('notifications: mark read', () => {
  let cloud: TestCloud;
  const tokens = new Map<string, string>();
  const as = async <T>(email: string, method: string, path: string, body?: unknown) => {
    let token = tokens.get(email);
    if (!token) {
      token = (await cloud.signIn(email)).accessToken;
      tokens.set(email, token);
    }
    return cloud.call<T>(method, path, body, token);
  };
  const pull = async (email: string, cursor: number) =>
    (await as<Pull>(email, 'GET', `/v1/pull?cursor=${cursor}`)).body;
  let mutationId = 0;
  const push = async (email: string, args: unknown) => {
    const r = await as<{ results: (Outcome & { id: number })[] }>(email, 'POST', '/v1/mutations', {
      clientId: `test-${email}`,
      mutations: [{ id: ++mutationId, name: 'markNotificationsRead', args }],
    });
    return r;
  };

  before(async () => {
    cloud = await startTestCloud();
  });
  after(() => cloud.close());

  test("another account's notification cannot be marked, either way; bad input is refused", async () => {
    const tom = await pull(TOM, 0);
    const admin = await pull(ADMIN, 0);
    const tomNotice = tom.changes.notifications?.[0];
    assert.ok(tomNotice);
    assert.equal(tomNotice.readAt, null);
    const adminUnread = admin.changes.notifications?.find((n) => n.readAt === null);
    assert.ok(adminUnread, 'the admin has an unread notification');
    const before = cloud.snapshot();

    const rest = await as<Outcome>(TOM, 'POST', '/v1/notifications/read', {
      ids: [tomNotice.id, adminUnread.id],
    });
    assert.equal(rest.status, 404);
    assert.deepEqual(rest.body, {
      error: 'notification_not_found',
      message: 'The notification does not exist',
    });
    const pushed = await push(TOM, { ids: [adminUnread.id] });
    assert.equal(pushed.status, 200);
    assert.equal(pushed.body.results[0]?.status, 'rejected');
    assert.equal(pushed.body.results[0]?.code, 'notification_not_found');
    assert.equal(pushed.body.results[0]?.message, 'The notification does not exist');

    const bad: unknown[] = [
      { ids: [] },
      { ids: 'all' },
      { ids: [42] },
      { ids: [''] },
      { all: true },
    ];
    for (const body of bad) {
      const r = await as<{ error: string; message: string }>(
        TOM,
        'POST',
        '/v1/notifications/read',
        body,
      );
      assert.equal(r.status, 400, JSON.stringify(body));
      assert.equal(r.body.error, 'bad_request');
      assert.match(r.body.message, /^Invalid body: /);
      const m = await push(TOM, body);
      assert.equal(m.status, 400, `mutation ${JSON.stringify(body)}`);
      assert.match((m.body as unknown as { message: string }).message, /Invalid args of mutation/);
    }
    const raw = await cloud.raw('POST', '/v1/notifications/read', '{"ids": [', tokens.get(TOM));
    assert.equal(raw.status, 400);
    // Only the log of what was asked changed: the two rejections' audit entries and the stored
    // outcome of the rejected mutation.
    const logs = ['audit_log', 'sqlite_sequence', 'sync_clients', 'sync_mutations'];
    const tables = (snap: string) =>
      (JSON.parse(snap) as [string, unknown[]][]).filter(([t]) => !logs.includes(t));
    const was = tables(before);
    const changed = tables(cloud.snapshot())
      .filter(([, rows], i) => JSON.stringify(rows) !== JSON.stringify(was[i]?.[1]))
      .map(([t]) => t);
    assert.deepEqual(changed, [], 'a refused request changed the database');
    assert.equal(
      (await pull(ADMIN, 0)).changes.notifications?.find((n) => n.id === adminUnread.id)?.readAt,
      null,
    );
  });

  test('REST and /v1/mutations mark read with identical outcomes; the feed carries it', async () => {
    const tom = await pull(TOM, 0);
    const notice = tom.changes.notifications?.[0] as Notice;
    const rest = await as<Outcome>(TOM, 'POST', '/v1/notifications/read', { ids: [notice.id] });
    assert.equal(rest.status, 200);
    assert.deepEqual(rest.body, { status: 'accepted', value: { marked: 1 } });
    const since = await pull(TOM, tom.cursor);
    assert.equal(since.reset, false);
    const changed = since.changes.notifications?.find((n) => n.id === notice.id);
    assert.ok(changed?.readAt, 'the pull since the cursor brings the read notification');

    // Marking again is not an error: nothing is left to mark.
    const again = await as<Outcome>(TOM, 'POST', '/v1/notifications/read', { ids: [notice.id] });
    const againPushed = await push(TOM, { ids: [notice.id] });
    assert.deepEqual(again.body, { status: 'accepted', value: { marked: 0 } });
    const { id: _id, ...outcome } = againPushed.body.results[0] as Outcome & { id: number };
    assert.deepEqual(outcome, again.body);

    // Without ids: every unread notification of the caller, and nobody else's.
    const admin = await pull(ADMIN, 0);
    const unread = admin.changes.notifications?.filter((n) => n.readAt === null) ?? [];
    assert.ok(unread.length > 0);
    const all = await push(ADMIN, {});
    assert.equal(all.body.results[0]?.status, 'accepted');
    assert.deepEqual(all.body.results[0]?.value, { marked: unread.length });
    const next = await pull(ADMIN, admin.cursor);
    assert.equal(next.changes.notifications?.length, unread.length);
    assert.ok(next.changes.notifications?.every((n) => n.readAt !== null));
    const grace = await pull('grace.miller@brightline.example', 0);
    assert.equal(grace.changes.notifications?.[0]?.readAt, null, "another's stay unread");
  });
});

describe('GET /v1/organization: the caller’s own credits', () => {
  let cloud: TestCloud;
  before(async () => {
    cloud = await startTestCloud();
  });
  after(() => cloud.close());

  const organization = async (email: string) => {
    const { accessToken } = await cloud.signIn(email);
    const r = await cloud.call<{
      role: string;
      organization: { administrator: { email: string } };
      credits?: { mode: string; limit: number | null; used: number; available: number };
    } | null>('GET', '/v1/organization', undefined, accessToken);
    assert.equal(r.status, 200);
    return r.body;
  };

  test('a member, a guest, a guest without access, unlimited, the admin, and no organization', async () => {
    const pool = seedPool();
    const marco = await organization(MARCO);
    assert.equal(marco?.role, 'member');
    assert.equal(marco?.organization.administrator.email, ADMIN);
    assert.deepEqual(marco?.credits, {
      mode: 'limit',
      limit: 100,
      used: 35.25,
      available: Math.min(64.75, pool),
    });
    const daniel = await organization('daniel@okafor-studio.example');
    assert.equal(daniel?.role, 'guest');
    assert.deepEqual(daniel?.credits, { mode: 'limit', limit: 20, used: 4.5, available: 15.5 });
    const hannah = await organization('hannah@schultz-arch.example');
    assert.deepEqual(hannah?.credits, { mode: 'disabled', limit: null, used: 0, available: 0 });
    const aiko = await organization('aiko.tanaka@northwind.example');
    assert.deepEqual(aiko?.credits, { mode: 'unlimited', limit: null, used: 120, available: pool });
    const admin = await organization(ADMIN);
    assert.equal(admin?.role, 'administrator');
    assert.deepEqual(admin?.credits, { mode: 'unlimited', limit: null, used: 0, available: pool });
    assert.equal(await organization(TOM), null);
  });
});
