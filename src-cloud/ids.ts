// Random identifiers and the clock, in one place so every row is stamped the same way.
import { randomBytes } from 'node:crypto';

/** A random id with a readable prefix, e.g. `acc_3f9c…`. */
export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString('hex')}`;
}

export function nowIso(): string {
  return new Date().toISOString();
}
