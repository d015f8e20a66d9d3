// Importing a .crt (docs/sources.md, Online licensing "Offline Activation" step 6). With a pinned
// cloud key the file must verify with it; on a server that never met the cloud the key inside the
// file is pinned, only once the file verified with it (trust on first use, docs/activation.md
// "Pinned cloud key"). A refusal changes nothing.
import type { SignedEnvelope } from '../../src-shared/activation/formats.ts';
import { verifyDocument } from '../../src-shared/activation/verify.ts';
import { AppError } from '../../src-shared/errors.ts';
import type { EntitlementSource } from './entitlement.ts';
import type { MachineIdentity } from './identity.ts';
import type { CloudTrust } from './trust.ts';
import { keyIdOf, nodeDocumentCrypto } from './crypto.ts';

function refused(code: string, message: string): AppError {
  return new AppError(`crt_${code}`, `This .crt file is refused: ${message}`, { reason: code });
}

function offeredKey(text: string): { kid: string; publicKeyPem: string } | null {
  try {
    const env = JSON.parse(text) as Partial<SignedEnvelope>;
    if (typeof env.publicKeyPem !== 'string') return null;
    return { kid: keyIdOf(env.publicKeyPem), publicKeyPem: env.publicKeyPem };
  } catch {
    return null;
  }
}

export async function importCrt(
  text: string,
  machine: MachineIdentity,
  trust: CloudTrust,
  source: EntitlementSource,
): Promise<void> {
  const pinned = await trust.pinned();
  // Without a pin, the document's own key is tried; the pure checks before it run the same.
  const key = pinned ?? offeredKey(text);
  if (!key) {
    const r = verifyDocument(text, { kind: 'entitlement', crypto: nodeDocumentCrypto, key: null });
    throw r.ok
      ? refused('unknown_key', 'it carries no cloud key and none is trusted yet.')
      : refused(r.refusal.code, r.refusal.message);
  }
  const r = source.install(text, key, machine.fingerprint);
  if (!r.ok) throw refused(r.refusal.code, r.refusal.message);
  if (!pinned) await trust.accept(key, 'the .crt file');
}
