// The demo seed: organization and roles, personal and organization licenses side by side, the pool's N−K, restarts.
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { verify, createPublicKey } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { LicenseView } from '../../src-shared/domain/license.ts';
import type { AccountView, DemoAccount } from '../../src-shared/domain/account.ts';
import type {
  KeysAnswer,
  OrganizationAnswer,
  PoolEntry,
} from '../../src-shared/cloud-api/schemas.ts';
import { readSeedFile } from '../../src-cloud/store/seed.ts';
import { manualClock } from '../../src-shared/clock.ts';
import { resolveRelativeDate } from '../../src-shared/relative-date.ts';
import { ADMIN, demoSeed, startTestCloud, type TestCloud } from './helpers.ts';

const GUEST = 'daniel@okafor-studio.example';
const MEMBER = 'marco.rossi@northwind.example';
const OUTSIDER = 'grace.miller@brightline.example';

interface Seed {
  purchases: Array<{
    id: string;
    owner: string;
    product: string;
    quantity: number;
    term: string;
    expiresAt: string | null;
  }>;
  assignments: Array<{ purchase: string; user: string; quantity: number }>;
}

/** The key the cloud signs with: its file on SQLite, its row in the store on PostgreSQL. */
async function signingKey(cloud: TestCloud): Promise<string> {
  if (!cloud.databaseUrl) return readFileSync(join(cloud.dataDir, 'signing-key.pem'), 'utf8');
  const keys = await cloud.call<KeysAnswer>('GET', '/v1/keys');
  return keys.body.keys[0]?.publicKeyPem ?? '';
}

describe('cloud demo seed', () => {
  let cloud: TestCloud;
  // A clock that stands still: the seed's relative dates resolve to the same days here and there.
  const clock = manualClock(Date.now());
  const seed = readSeedFile(demoSeed, clock()) as Seed;
  before(async () => {
    cloud = await startTestCloud({ clock });
  });
  after(() => cloud.close());

  async function get<T>(path: string, email: string): Promise<T> {
    const { accessToken } = await cloud.signIn(email);
    const r = await cloud.call<T>('GET', path, undefined, accessToken);
    assert.equal(r.status, 200, `${path} as ${email}`);
    return r.body;
  }

  test('the demo admin sees the organization as its administrator', async () => {
    const answer = await get<OrganizationAnswer>('/v1/organization', ADMIN);
    // The caller's own credits are proved in notifications-read.test.ts.
    const { credits: _credits, ...org } = answer ?? { credits: undefined };
    assert.deepEqual(org, {
      organization: {
        id: 'org_northwind',
        name: 'Northwind Visualization',
        administrator: { name: 'Elena Petrova', email: ADMIN },
      },
      role: 'administrator',
    });
    const me = await get<AccountView>('/v1/account', ADMIN);
    assert.equal(me.organization?.role, 'administrator');
    assert.equal(me.country, 'Bulgaria');
  });

  test('members and guests see their role and the administrator; outsiders see none', async () => {
    assert.equal((await get<OrganizationAnswer>('/v1/organization', MEMBER))?.role, 'member');
    const guest = await get<OrganizationAnswer>('/v1/organization', GUEST);
    assert.equal(guest?.role, 'guest');
    assert.equal(guest?.organization.administrator.email, ADMIN);
    assert.equal(await get<OrganizationAnswer>('/v1/organization', OUTSIDER), null);
  });

  test('a guest sees personal and organization licenses side by side', async () => {
    const licenses = await get<LicenseView[]>('/v1/licenses', GUEST);
    const view = licenses.map((l) => [l.productName, l.source, l.quantity, l.expiresAt]);
    assert.deepEqual(view, [
      ['V-Ray for 3ds Max', 'organization', 1, resolveRelativeDate('+98d', clock())],
      ['V-Ray for SketchUp', 'personal', 1, resolveRelativeDate('+138d', clock())],
    ]);
  });

  test("a member's trial is personal, the seats given to them are the organization's", async () => {
    const licenses = await get<LicenseView[]>('/v1/licenses', MEMBER);
    const enscape = licenses.filter((l) => l.productCode === 'enscape');
    assert.deepEqual(enscape.map((l) => [l.term, l.source]).sort(), [
      ['annual', 'organization'],
      ['trial', 'personal'],
    ]);
  });

  test('the catalogue lists the §4 products with their license type', async () => {
    const products = await get<Array<{ name: string; licenseType: string }>>(
      '/v1/products',
      OUTSIDER,
    );
    const names = products.map((p) => p.name);
    for (const n of [
      'V-Ray for 3ds Max',
      'V-Ray for Maya',
      'V-Ray for Rhino',
      'V-Ray for SketchUp',
      'V-Ray Collection',
      'Enscape',
    ])
      assert.ok(names.includes(n), n);
    assert.ok(names.some((n) => n.startsWith('Phoenix')));
    assert.ok(names.some((n) => n.startsWith('Corona')));
    assert.ok(products.some((p) => p.licenseType === 'render-node'));
  });

  test("the admin's license server pool is N − K: seats not assigned to users", async () => {
    const pool = await get<PoolEntry[]>('/v1/license-server/pool', ADMIN);
    const total = (code: string) => pool.find((p) => p.productCode === code)?.total;
    // Both V-Ray for 3ds Max purchases (10 + 5 seats) count; 6 seats are assigned to users.
    const bought = (code: string) =>
      seed.purchases
        .filter((p) => p.owner === ADMIN && p.product === code)
        .reduce((n, p) => n + p.quantity, 0);
    const given = (code: string) =>
      seed.assignments
        .filter((s) => seed.purchases.find((p) => p.id === s.purchase)?.product === code)
        .reduce((n, s) => n + s.quantity, 0);
    assert.equal(bought('vray-3dsmax'), 15);
    assert.equal(given('vray-3dsmax'), 6);
    assert.equal(total('vray-3dsmax'), 9);
    assert.equal(total('vray-render-node'), 20);
    assert.equal(total('enscape'), bought('enscape') - given('enscape'));
  });

  test("a guest's pool is the seats assigned to them plus their personal ones", async () => {
    const pool = await get<PoolEntry[]>('/v1/license-server/pool', GUEST);
    assert.deepEqual(
      pool.map((p) => [p.productCode, p.total]),
      [
        ['vray-3dsmax', 1],
        ['vray-sketchup', 1],
      ],
    );
    // Expired purchases serve nothing: Grace's Phoenix for Maya ran out 53 days before the seed loaded.
    const grace = await get<PoolEntry[]>('/v1/license-server/pool', OUTSIDER);
    assert.deepEqual(
      grace.map((p) => [p.productCode, p.total]),
      [['vray-collection', 2]],
    );
  });

  test('the demo accounts are listed and every one of them can sign in', async () => {
    const r = await cloud.call<DemoAccount[]>('GET', '/v1/demo-accounts');
    assert.equal(r.status, 200);
    assert.ok(r.body.length >= 6);
    assert.equal(r.body[0]?.email, ADMIN);
    for (const a of r.body) await cloud.signIn(a.email, a.password);
  });

  test('the signing key is 0600 and its public key at /v1/keys verifies access tokens', async () => {
    // On PostgreSQL every node reads the key from the store (docs/cloud-scaling.md).
    if (!cloud.databaseUrl)
      assert.equal(statSync(join(cloud.dataDir, 'signing-key.pem')).mode & 0o777, 0o600);
    const keys = await cloud.call<KeysAnswer>('GET', '/v1/keys');
    const key = keys.body.keys[0]!;
    const { accessToken } = await cloud.signIn(ADMIN);
    const [h, b, s] = accessToken.split('.') as [string, string, string];
    assert.equal(
      (JSON.parse(Buffer.from(h, 'base64url').toString()) as { kid: string }).kid,
      key.kid,
    );
    assert.ok(
      verify(
        null,
        Buffer.from(`${h}.${b}`),
        createPublicKey(key.publicKeyPem),
        Buffer.from(s, 'base64url'),
      ),
    );
  });

  test('a restart on the same data keeps changes, the key and does not seed again', async () => {
    const { accessToken } = await cloud.signIn(OUTSIDER);
    const changed = await cloud.call(
      'POST',
      '/v1/account/password',
      { currentPassword: 'demo1234', newPassword: 'grace-new-pass' },
      accessToken,
    );
    assert.equal(changed.status, 200);
    const keyBefore = await signingKey(cloud);
    await cloud.stop();
    cloud = await startTestCloud({ dataDir: cloud.dataDir, databaseUrl: cloud.databaseUrl });
    await cloud.signIn(OUTSIDER, 'grace-new-pass');
    assert.equal(await signingKey(cloud), keyBefore);
    const again = await cloud.signIn(ADMIN);
    const pool = await cloud.call<PoolEntry[]>(
      'GET',
      '/v1/license-server/pool',
      undefined,
      again.accessToken,
    );
    assert.equal(pool.body.find((p) => p.productCode === 'vray-3dsmax')?.total, 9);
  });
});
