// The activation request file (docs/sources.md, Online licensing "Offline Activation" step 2):
// fingerprint, public key, name, host and a nonce, signed by the machine's own key so the cloud
// knows the requester holds it (docs/activation.md).
import { createHash, randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { ActivationRequestPayload } from '../../src-shared/activation/formats.ts';
import { envelopeOf } from '../../src-shared/activation/verify.ts';
import type { MachineIdentity } from './identity.ts';

export function activationRequest(id: MachineIdentity, name: string, nowIso: string): string {
  const payload: ActivationRequestPayload = {
    kind: 'activation-request',
    fingerprint: id.fingerprint,
    publicKeyPem: id.publicKeyPem,
    name: name.slice(0, 100),
    host: hostname().slice(0, 255),
    nonce: randomBytes(16).toString('hex'),
    createdAt: nowIso,
  };
  return envelopeOf(payload, id.fingerprint, {
    sha256Hex: (b) => createHash('sha256').update(b).digest('hex'),
    sign: (b) => id.sign(b),
  });
}
