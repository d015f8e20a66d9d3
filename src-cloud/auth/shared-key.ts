// With the store on PostgreSQL the signing key lives in the store (server_meta), so every cloud
// node signs with the same key; the first node to start creates it (docs/cloud-scaling.md tells
// how to rotate it).
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import type { Store } from '../store/db.ts';
import type { SigningKey } from './signing-key.ts';

export const SIGNING_KEY_META = 'signing_key_pem';

export async function loadOrCreateSharedSigningKey(db: Store): Promise<SigningKey> {
  const { privateKey: fresh } = generateKeyPairSync('ed25519');
  const pem = fresh.export({ type: 'pkcs8', format: 'pem' }).toString();
  // Two nodes starting at once: the first insert wins and both read the winner.
  await db
    .insertInto('server_meta')
    .values({ key: SIGNING_KEY_META, value: pem })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const row = await db
    .selectFrom('server_meta')
    .select('value')
    .where('key', '=', SIGNING_KEY_META)
    .executeTakeFirstOrThrow();
  const privateKey = createPrivateKey(row.value);
  const publicKey = createPublicKey(privateKey);
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return {
    privateKey,
    publicKey,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    kid: createHash('sha256').update(der).digest('hex').slice(0, 16),
  };
}
