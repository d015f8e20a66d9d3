// The license server's machine identity (docs/requirements.md §6): its own Ed25519 key pair, the private key in
// the credential store the session credential uses (keychain, --credential-file or memory), and a
// fingerprint from the OS machine id and the public key (docs/activation.md "Machine identity").
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
} from 'node:crypto';
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import type { CredentialStore } from '../credentials/credential-store.ts';

/** Overrides the OS machine id (containers and VMs whose id changes on every start). */
export const MACHINE_ID_ENV = 'CLM_MACHINE_ID';
const MACHINE_ID_FILES = ['/etc/machine-id', '/var/lib/dbus/machine-id'];

export interface MachineIdentity {
  fingerprint: string;
  publicKeyPem: string;
  /** Where the machine id came from: 'override', the file read, or 'hostname'. */
  machineIdSource: string;
  sign(bytes: Uint8Array): string;
}

export function machineId(override?: string): { id: string; source: string } {
  const given = override || process.env[MACHINE_ID_ENV];
  if (given) return { id: given.trim(), source: 'override' };
  for (const f of MACHINE_ID_FILES) {
    try {
      const id = readFileSync(f, 'utf8').trim();
      if (id) return { id, source: f };
    } catch {
      // next place
    }
  }
  return { id: hostname(), source: 'hostname' };
}

/** 32 hex digits in groups of four, from the machine id and the public key. */
export function fingerprintOf(id: string, publicKeyPem: string): string {
  const der = createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' });
  const hex = createHash('sha256').update(`clm-machine\n${id}\n`).update(der).digest('hex');
  return (hex.slice(0, 32).match(/.{4}/g) as string[]).join('-');
}

export function machineKeyEntry(dataDir: string): string {
  return `license server machine key (${dataDir})`;
}

/** Loads the server's key pair from the credential store, creating it on first use. */
export async function loadMachineIdentity(
  credentials: CredentialStore,
  dataDir: string,
  machineIdOverride?: string,
): Promise<MachineIdentity> {
  const entry = machineKeyEntry(dataDir);
  let pem = await credentials.get(entry);
  if (!pem) {
    const { privateKey } = generateKeyPairSync('ed25519');
    pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    await credentials.set(entry, pem);
  }
  const privateKey = createPrivateKey(pem);
  const publicKeyPem = createPublicKey(privateKey)
    .export({ type: 'spki', format: 'pem' })
    .toString();
  const { id, source } = machineId(machineIdOverride);
  return {
    fingerprint: fingerprintOf(id, publicKeyPem),
    publicKeyPem,
    machineIdSource: source,
    sign: (bytes) => sign(null, bytes, privateKey).toString('base64'),
  };
}
