// The cloud signs documents with its Ed25519 key (auth/signing-key.ts) in the one envelope format
// (src-shared/activation, docs/activation.md); node:crypto only.
import { createHash, createPublicKey, sign, verify } from 'node:crypto';
import type { DocumentCrypto } from '../../src-shared/activation/verify.ts';
import { envelopeOf } from '../../src-shared/activation/verify.ts';
import type { SigningKey } from '../auth/signing-key.ts';

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

export function signDocument(key: SigningKey, payload: { kind: string }): string {
  return envelopeOf(
    payload,
    key.kid,
    {
      sha256Hex: nodeDocumentCrypto.sha256Hex,
      sign: (bytes) => sign(null, bytes, key.privateKey).toString('base64'),
    },
    key.publicKeyPem,
  );
}
