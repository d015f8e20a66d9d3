// Issue 18: the Product filter lists every product of the organization, not only those held.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { OrgUserRow } from '../../src-shared/domain/org.ts';
import { productChoices } from '../../src-renderer/views/organization/userFilter.ts';

test('the Product filter offers products nobody holds yet', () => {
  const users = [
    { products: [{ productCode: 'vray-max', productName: 'V-Ray for 3ds Max' }] },
  ] as unknown as OrgUserRow[];
  const purchases = [
    { productCode: 'phoenix-max', productName: 'Phoenix for 3ds Max' },
    { productCode: 'vray-max', productName: 'V-Ray for 3ds Max' },
  ];
  assert.deepEqual(productChoices(users, purchases), [
    { code: 'phoenix-max', name: 'Phoenix for 3ds Max' },
    { code: 'vray-max', name: 'V-Ray for 3ds Max' },
  ]);
});
