// The product catalogue (§4) every cloud database starts with; seeds may add products. The list
// itself is src-shared/products.ts, where the app names products from too.
import { PRODUCTS } from '../../src-shared/products.ts';
import type { ProductsTable } from './tables.ts';

export const catalogue: ProductsTable[] = PRODUCTS.map((p, i) => ({
  code: p.code,
  name: p.name,
  license_type: p.licenseType,
  sort_order: i + 1,
}));
