// Tenancy (issue 21): an administrator who names another organization's account id
// in an admin operation gets the same answer as for an id that does not exist, and neither the
// answer nor the audit log reveals that account's email.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { orgRoutes } from '../../src-shared/cloud-api/org.ts';
import { ADMIN } from './rule-cases.ts';
import { startOrgCloud, type OrgCloud } from './helpers.ts';

/** Other-member of Beta Corp, and an id no account has. */
const OUTSIDER = 'acc-omember';
const OUTSIDER_EMAIL = 'other-member@beta.test';
const NOBODY = 'acc-does-not-exist';

type Args = (id: string) => Record<string, unknown>;
const cases: Array<[name: string, path: string, args: Args]> = [
  ['removal', orgRoutes.removeUsers.path, (id) => ({ userIds: [id] })],
  ['bulk removal', orgRoutes.removeUsers.path, (id) => ({ userIds: ['acc-free', id] })],
  ['revoke', orgRoutes.revokeProduct.path, (id) => ({ userId: id, productCode: 'vray-3dsmax' })],
  [
    'bulk revoke',
    orgRoutes.revokeProducts.path,
    (id) => ({ userIds: [id], productCodes: ['vray-3dsmax'] }),
  ],
  [
    'assignment',
    orgRoutes.assignProduct.path,
    (id) => ({ userId: id, purchaseId: 'p-vray', quantity: 1 }),
  ],
  [
    'assignment from another user',
    orgRoutes.assignProduct.path,
    (id) => ({ userId: 'acc-guest', purchaseId: 'p-vray', quantity: 1, fromUserId: id }),
  ],
  [
    'bulk assignment',
    orgRoutes.assignProducts.path,
    (id) => ({ userIds: [id], purchaseIds: ['p-vray'] }),
  ],
  [
    'credit access',
    orgRoutes.setCreditAccess.path,
    (id) => ({ userIds: [id], access: { mode: 'unlimited' } }),
  ],
];

describe('an account of another organization is answered like one that does not exist', () => {
  let outsider: OrgCloud;
  let nobody: OrgCloud;
  before(async () => {
    [outsider, nobody] = await Promise.all([startOrgCloud(), startOrgCloud()]);
  });
  after(async () => {
    await Promise.all([outsider.close(), nobody.close()]);
  });

  for (const [name, path, args] of cases) {
    test(name, async () => {
      const a = await outsider.as(ADMIN, 'POST', path, args(OUTSIDER));
      const b = await nobody.as(ADMIN, 'POST', path, args(NOBODY));
      const shown = JSON.stringify(a).replaceAll(OUTSIDER, '<id>');
      assert.equal(shown, JSON.stringify(b).replaceAll(NOBODY, '<id>'));
      assert.ok(!shown.includes(OUTSIDER_EMAIL), `the answer names no outsider: ${shown}`);
      const audit = await outsider.as(ADMIN, 'GET', orgRoutes.audit.path);
      assert.equal(audit.status, 200);
      assert.ok(
        !JSON.stringify(audit.body).includes(OUTSIDER_EMAIL),
        'the audit log names no outsider',
      );
      const found = await outsider.as<unknown[]>(
        ADMIN,
        'GET',
        `${orgRoutes.audit.path}?user=other-member`,
      );
      assert.deepEqual(found.body, [], 'the user filter finds nothing by the outsider email');
    });
  }
});
