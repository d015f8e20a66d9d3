// The product catalogue (§4) every cloud database starts with; seeds may add products.
import type { ProductsTable } from './tables.ts';

export const catalogue: ProductsTable[] = [
  { code: 'vray-3dsmax', name: 'V-Ray for 3ds Max', license_type: 'workstation' },
  { code: 'vray-maya', name: 'V-Ray for Maya', license_type: 'workstation' },
  { code: 'vray-rhino', name: 'V-Ray for Rhino', license_type: 'workstation' },
  { code: 'vray-sketchup', name: 'V-Ray for SketchUp', license_type: 'workstation' },
  { code: 'vray-collection', name: 'V-Ray Collection', license_type: 'workstation' },
  { code: 'vray-render-node', name: 'V-Ray Render Node', license_type: 'render-node' },
  { code: 'phoenix-3dsmax', name: 'Phoenix for 3ds Max', license_type: 'workstation' },
  { code: 'phoenix-maya', name: 'Phoenix for Maya', license_type: 'workstation' },
  { code: 'enscape', name: 'Enscape', license_type: 'workstation' },
  { code: 'corona-3dsmax', name: 'Corona for 3ds Max', license_type: 'workstation' },
  { code: 'corona-render-node', name: 'Corona Render Node', license_type: 'render-node' },
].map((p, i) => ({
  ...p,
  license_type: p.license_type as ProductsTable['license_type'],
  sort_order: i + 1,
}));
