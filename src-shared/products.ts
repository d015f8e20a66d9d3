// The products Chaos sells (docs/requirements.md §4), by code, and the one way a product is named on screen:
// its name, never its code; a code stands in only when the name is truly unknown, made readable
// (docs/interface.md, One style).

export interface KnownProduct {
  code: string;
  name: string;
  licenseType: 'workstation' | 'render-node';
}

/** The catalogue every cloud database starts with (src-cloud/store/catalogue.ts). */
export const PRODUCTS: readonly KnownProduct[] = [
  { code: 'vray-3dsmax', name: 'V-Ray for 3ds Max', licenseType: 'workstation' },
  { code: 'vray-maya', name: 'V-Ray for Maya', licenseType: 'workstation' },
  { code: 'vray-rhino', name: 'V-Ray for Rhino', licenseType: 'workstation' },
  { code: 'vray-sketchup', name: 'V-Ray for SketchUp', licenseType: 'workstation' },
  { code: 'vray-collection', name: 'V-Ray Collection', licenseType: 'workstation' },
  { code: 'vray-render-node', name: 'V-Ray Render Node', licenseType: 'render-node' },
  { code: 'phoenix-3dsmax', name: 'Phoenix for 3ds Max', licenseType: 'workstation' },
  { code: 'phoenix-maya', name: 'Phoenix for Maya', licenseType: 'workstation' },
  { code: 'enscape', name: 'Enscape', licenseType: 'workstation' },
  { code: 'corona-3dsmax', name: 'Corona for 3ds Max', licenseType: 'workstation' },
  { code: 'corona-render-node', name: 'Corona Render Node', licenseType: 'render-node' },
];

const NAMES = new Map(PRODUCTS.map((p) => [p.code, p.name]));

/** "acme-sky_tool" → "Acme Sky Tool": a code read as words, for a product nobody named. */
export function readableCode(code: string): string {
  const words = code.split(/[-_.\s]+/).filter(Boolean);
  if (words.length === 0) return 'Unnamed product';
  return words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
}

/** The product's name: the one given (if it is a name, not the code), else the catalogue's, else the code made readable. */
export function productLabel(code: string, name?: string | null): string {
  const given = name?.trim();
  if (given && given !== code) return given;
  return NAMES.get(code) ?? readableCode(code);
}
