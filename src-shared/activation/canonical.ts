// Canonical bytes of a JSON value: keys sorted, no whitespace, UTF-8. What the cloud signs and
// what every verifier recomputes (docs/activation.md "Canonical bytes").

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The canonical text: object keys in code-point order at every depth, integers only. */
export function canonicalText(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string')
    return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new Error('Only safe integers are canonical numbers');
    return String(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalText).join(',')}]`;
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const keys = Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalText(o[k])}`).join(',')}}`;
  }
  throw new Error(`${typeof value} has no canonical form`);
}

export function canonicalBytes(value: unknown): Uint8Array {
  return new TextEncoder().encode(canonicalText(value));
}
