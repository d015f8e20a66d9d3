// An account with a personal commercial subscription (an organization by
// default, docs/sources.md, Portal overview) accepts an invitation as Guest. From then on every view answers as the
// Guest (docs/roles.md): organization, account, licenses, the license-server pool and credits,
// and the inviting administrator's list agrees.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CreditBalance } from '../../src-shared/cloud-api/credits.ts';
import type { OrgUsersAnswer as UsersSchema } from '../../src-shared/cloud-api/org.ts';
import type { Static } from 'typebox';
import type { OrganizationAnswer, PoolEntry } from '../../src-shared/cloud-api/schemas.ts';
import type { AccountView } from '../../src-shared/domain/account.ts';
import type { LicenseView } from '../../src-shared/domain/license.ts';
import { manualClock } from '../../src-shared/clock.ts';
type OrgUsersAnswer = Static<typeof UsersSchema>;

import { ADMIN, startTestCloud, type TestCloud } from './helpers.ts';

const GRACE = 'grace.miller@brightline.example';

describe('a Guest with a personal commercial subscription', () => {
  let cloud: TestCloud;
  const clock = manualClock(Date.now());
  const tokens = new Map<string, string>();
  before(async () => {
    cloud = await startTestCloud({ clock });
  });
  after(() => cloud.close());

  async function token(email: string): Promise<string> {
    const known = tokens.get(email);
    if (known) return known;
    const { accessToken } = await cloud.signIn(email);
    tokens.set(email, accessToken);
    return accessToken;
  }
  async function get<T>(path: string, email = GRACE): Promise<T> {
    const r = await cloud.call<T>('GET', path, undefined, await token(email));
    assert.equal(r.status, 200, `${path} as ${email}`);
    return r.body;
  }
  async function post<T>(path: string, body: unknown, email = GRACE): Promise<T> {
    const r = await cloud.call<T>('POST', path, body, await token(email));
    assert.equal(r.status, 200, `${path} as ${email}: ${JSON.stringify(r.body)}`);
    return r.body;
  }
  const licenses = async () =>
    (await get<LicenseView[]>('/v1/licenses')).map((l) => [l.productCode, l.source, l.quantity]);

  test('before the invitation she administers her own organization (docs/sources.md, Portal overview)', async () => {
    await get('/v1/pull?cursor=0'); // the cloud sets up the organization a commercial license makes
    const org = await get<OrganizationAnswer>('/v1/organization');
    assert.equal(org?.role, 'administrator');
    assert.equal(org?.organization.name, 'Grace Miller');
    // Her expired Phoenix for Maya is no license: it is listed under Products → Expired only.
    assert.deepEqual(await licenses(), [['vray-collection', 'organization', 2]]);
  });

  test('after accepting as Guest every view answers as the Guest', async () => {
    const answer = await post<{ status: string }>('/v1/invitations/accept', {
      invitationId: 'inv_grace_guest',
    });
    assert.equal(answer.status, 'accepted');

    const org = await get<OrganizationAnswer>('/v1/organization');
    assert.equal(org?.role, 'guest');
    assert.equal(org?.organization.name, 'Northwind Visualization');
    assert.equal(org?.organization.administrator.email, ADMIN);
    // A Guest with active personal credits consumes from them: no organizational access.
    assert.equal(org?.credits?.mode, 'disabled');

    const me = await get<AccountView>('/v1/account');
    assert.equal(me.organization?.role, 'guest');
    assert.equal(me.organization?.name, 'Northwind Visualization');

    assert.deepEqual(await licenses(), [['vray-collection', 'personal', 2]]);

    const credits = await get<CreditBalance>('/v1/credits/balance');
    assert.equal(credits.source, 'personal');
    assert.equal(credits.total, 100);
    assert.equal(credits.quota, null);

    const users = await get<OrgUsersAnswer>('/v1/org/users', ADMIN);
    const grace = users.users.find((u) => u.email === GRACE);
    assert.equal(grace?.role, 'guest');

    // Her own organization is set aside, not administered: she cannot list its users.
    const own = await cloud.call('GET', '/v1/org/users', undefined, await token(GRACE));
    assert.equal(own.status, 403);
  });

  test("the organization's seats given to her are organizational beside her personal ones", async () => {
    const users = await get<OrgUsersAnswer>('/v1/org/users', ADMIN);
    const grace = users.users.find((u) => u.email === GRACE);
    assert.ok(grace);
    const done = await post<{ status: string }>(
      '/v1/org/assignments',
      { userId: grace.id, purchaseId: 'pur_nw_vray3dsmax_2027_09', quantity: 1 },
      ADMIN,
    );
    assert.equal(done.status, 'accepted');
    assert.deepEqual(await licenses(), [
      ['vray-3dsmax', 'organization', 1],
      ['vray-collection', 'personal', 2],
    ]);
    const pool = await get<PoolEntry[]>('/v1/license-server/pool');
    assert.deepEqual(
      pool.map((p) => [p.productCode, p.total]),
      [
        ['vray-3dsmax', 1],
        ['vray-collection', 2],
      ],
    );
  });
});
