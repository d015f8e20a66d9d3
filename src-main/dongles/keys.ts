// Ed25519 keys of the dongles (docs/dongle-hid-protocol.md, "Keys"): the PINNED vendor public
// keys a license block must be signed with, and conversions between raw bytes and node:crypto.
import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

/** The product's vendor key: the only one `clm serve` and the desktop app trust. */
export const PRODUCT_VENDOR_KEY = '4TXIHlZG3kLyv/Hv8ARYcZuW1p7ev1jl2EAOKLgkt1o=';
/**
 * The demo and test vendor key. Its private half is in the emulator's demo files
 * (resources/dongles/) and the tests' fixtures, so it is trusted only where a demo or a test
 * asks for it: `clm dongles emulate` and the tests' own options.
 */
export const DEMO_VENDOR_KEY = 'oUfhShq03S9WHncGhnce1U7qyFG/r6RuUt0wLehl5V0=';

// DER prefixes of an Ed25519 key (RFC 8410): SubjectPublicKeyInfo and PKCS#8 around 32 raw bytes.
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

export function publicKeyFromRaw(raw: Uint8Array | string): KeyObject {
  const bytes = typeof raw === 'string' ? Buffer.from(raw, 'base64') : Buffer.from(raw);
  return createPublicKey({ key: Buffer.concat([SPKI_PREFIX, bytes]), format: 'der', type: 'spki' });
}

export function privateKeyFromSeed(seedHex: string): KeyObject {
  const der = Buffer.concat([PKCS8_PREFIX, Buffer.from(seedHex, 'hex')]);
  return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
}

export function rawPublicKey(key: KeyObject): Uint8Array {
  const der = createPublicKey(key).export({ format: 'der', type: 'spki' });
  return new Uint8Array(der.subarray(SPKI_PREFIX.length));
}

export function signBytes(key: KeyObject, data: Uint8Array): Uint8Array {
  return new Uint8Array(sign(null, data, key));
}

/** True when `signature` over `data` verifies with one of `keys`. */
export function verifiedBy(keys: KeyObject[], data: Uint8Array, signature: Uint8Array): boolean {
  return keys.some((k) => {
    try {
      return verify(null, data, k, signature);
    } catch {
      return false;
    }
  });
}

export const productVendorKeys = (): KeyObject[] => [publicKeyFromRaw(PRODUCT_VENDOR_KEY)];
export const demoVendorKeys = (): KeyObject[] => [publicKeyFromRaw(DEMO_VENDOR_KEY)];
