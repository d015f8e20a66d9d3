// Random identifiers, in one place so every row is stamped the same way. The time comes from the
// cloud's Clock (CloudContext.clock), never from here.
import { randomBytes } from 'node:crypto';

/** A random id with a readable prefix, e.g. `acc_3f9c…`. */
export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString('hex')}`;
}
