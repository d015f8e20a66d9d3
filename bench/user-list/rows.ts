// A generated organization of N users shaped like the replica's view rows (deterministic).
import type { OrgUserRow, OrgUserProduct } from '../../src-shared/domain/org.ts';

const FIRST = [
  'Ana',
  'Ben',
  'Chen',
  'Dara',
  'Eli',
  'Fay',
  'Gus',
  'Hana',
  'Ivo',
  'Jun',
  'Kai',
  'Lea',
];
const LAST = ['Rossi', 'Tanaka', 'Becker', 'Nair', 'Martin', 'Okafor', 'Brown', 'Wei', 'Novak'];
const PRODUCTS: [string, string][] = [
  ['vray-3dsmax', 'V-Ray for 3ds Max'],
  ['vray-collection', 'V-Ray Collection'],
  ['enscape', 'Enscape'],
  ['phoenix-3dsmax', 'Phoenix for 3ds Max'],
  ['corona-3dsmax', 'Corona for 3ds Max'],
];

export function generateUsers(n: number): OrgUserRow[] {
  const out: OrgUserRow[] = [];
  for (let i = 0; i < n; i++) {
    const first = FIRST[i % FIRST.length] as string;
    const last = LAST[Math.floor(i / FIRST.length) % LAST.length] as string;
    const products: OrgUserProduct[] = [];
    for (let k = 0; k < i % 4; k++) {
      const [code, name] = PRODUCTS[(i + k) % PRODUCTS.length] as [string, string];
      products.push({
        productCode: code,
        productName: name,
        purchaseId: `pur_${code}`,
        quantity: 1,
        borrowed: 0,
        pending: false,
      });
    }
    const mode = i % 3 === 0 ? 'disabled' : i % 3 === 1 ? 'limit' : 'unlimited';
    out.push({
      id: `usr_${i}`,
      email: `${first}.${last}.${i}@example.com`.toLowerCase(),
      name: `${first} ${last} ${i}`,
      role: i % 5 === 0 ? 'guest' : 'member',
      joinedAt: new Date(Date.now() - 700 * 86_400_000).toISOString().slice(0, 10),
      products,
      creditAccess:
        mode === 'limit'
          ? { mode, limit: 100, used: 20, available: 80, label: '80 / 100' }
          : { mode, used: 0, available: 0, label: mode === 'disabled' ? 'Disabled' : 'Unlimited' },
      pending: i % 97 === 0,
    });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}
