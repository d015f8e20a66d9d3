// node:crypto behind the pure verifier of src-shared/activation (docs/activation.md).
import { createHash, createPublicKey, verify } from 'node:crypto';
import type { DocumentCrypto } from '../../src-shared/activation/verify.ts';

export const nodeDocumentCrypto: DocumentCrypto = {
  sha256Hex: (bytes) => createHash('sha256').update(bytes).digest('hex'),
  verify: (bytes, signature, pem) => {
    try {
      return verify(null, bytes, createPublicKey(pem), Buffer.from(signature, 'base64'));
    } catch {
      return false;
    }
  },
};

/** First 16 hex digits of the SHA-256 of a public key's DER form: the cloud's key id. */
export function keyIdOf(publicKeyPem: string): string {
  const der = createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex').slice(0, 16);
}
