// Issue 18, one style: a product is shown by its name; a code only when no name is known, and
// then read as words (src-shared/products.ts).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { productLabel, readableCode } from '../../src-shared/products.ts';

test('products are named: the given name, else the catalogue, else the code as words', () => {
  assert.equal(productLabel('vray-3dsmax', 'V-Ray for 3ds Max'), 'V-Ray for 3ds Max');
  // A "name" that is only the code, or blank, is no name.
  assert.equal(productLabel('phoenix-3dsmax', 'phoenix-3dsmax'), 'Phoenix for 3ds Max');
  assert.equal(productLabel('phoenix-3dsmax', '  '), 'Phoenix for 3ds Max');
  assert.equal(productLabel('phoenix-3dsmax'), 'Phoenix for 3ds Max');
  assert.equal(productLabel('acme-sky_tool'), 'Acme Sky Tool');
  assert.equal(readableCode('--'), 'Unnamed product');
});
