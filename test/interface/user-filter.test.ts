// Issue 18: the Product filter lists every product of the organization, not only those held;
// issue 17: the one user filter the core and the list share.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { OrgUserRow } from '../../src-shared/domain/org.ts';
import { productChoices } from '../../src-renderer/views/organization/userFilter.ts';
import {
  filterQuery,
  isFiltered,
  NO_FILTER,
  userMatcher,
  type UserFilter,
} from '../../src-shared/org/rules/user-filter.ts';

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

// Issue 17: one filter, in src-shared, judges users for the core's `org.users` and the list alike.
test('the one user filter: text over email and name, role, product held, credit access', () => {
  const ann = { email: 'ann@studio.example', name: 'Ann Lee', role: 'member' };
  const ben = { email: 'ben@studio.example', name: 'Ben Ng', role: 'guest' };
  const facts = (codes: string[], mode: 'disabled' | 'limit' | 'unlimited') => ({
    holds: (code: string) => codes.includes(code),
    creditMode: () => mode,
  });
  const names = (f: Partial<UserFilter>) => {
    const m = userMatcher(filterQuery({ ...NO_FILTER, ...f }));
    return [
      m.matches(ann, facts(['vray-max'], 'limit')) ? 'Ann' : null,
      m.matches(ben, facts([], 'disabled')) ? 'Ben' : null,
    ].filter(Boolean);
  };
  assert.equal(userMatcher(filterQuery(NO_FILTER)).any, true);
  assert.equal(isFiltered({ ...NO_FILTER, search: '   ' }), false);
  assert.deepEqual(names({}), ['Ann', 'Ben']);
  assert.deepEqual(names({ search: '  LEE ' }), ['Ann']);
  assert.deepEqual(names({ search: 'ben@' }), ['Ben']);
  assert.deepEqual(names({ search: 'studio' }), ['Ann', 'Ben']);
  assert.deepEqual(names({ search: 'example ann' }), [], 'never across email and name');
  assert.deepEqual(names({ role: 'guest' }), ['Ben']);
  assert.deepEqual(names({ productCode: 'vray-max' }), ['Ann']);
  assert.deepEqual(names({ credit: 'disabled' }), ['Ben']);
  assert.deepEqual(names({ credit: 'unlimited' }), []);
  assert.deepEqual(filterQuery({ search: ' x ', productCode: '', credit: 'limit', role: 'all' }), {
    search: ' x ',
    creditMode: 'limit',
  });
});
