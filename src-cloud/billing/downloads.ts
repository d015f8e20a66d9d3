// Downloads (docs/sources.md, Navigation "Downloads"): the installer of each product the account
// may use now, with its SHA-256. The vendor's installers are out of reach, so each file is a small
// generated stand-in with the same name, served by this server, its checksum computed from its
// bytes (docs/billing.md).
import { createHash } from 'node:crypto';
import type { DownloadView } from '../../src-shared/cloud-api/billing.ts';
import type { Store } from '../store/db.ts';
import { licensesOf } from '../views/licenses.ts';

const VERSION = '7.00.02';

export function installerName(code: string): string {
  return `${code}-${VERSION}-linux-x64.run`;
}

/** The stand-in installer's bytes: deterministic, so its checksum is stable. */
export function installerBytes(code: string, name: string): Buffer {
  const head = `#!/bin/sh\n# ${name} ${VERSION} installer (simulated by the Chaos License Manager demo cloud)\necho "${name} ${VERSION}: this is a stand-in installer; nothing is installed."\nexit 0\n`;
  const pad = createHash('sha512').update(code).digest('hex');
  return Buffer.from(head + `# ${pad.repeat(64)}\n`);
}

export async function downloadsOf(
  db: Store,
  accountId: string,
  now: string,
): Promise<DownloadView[]> {
  const seen = new Map<string, string>();
  for (const l of await licensesOf(db, accountId, now)) seen.set(l.productCode, l.productName);
  return [...seen].map(([code, name]) => {
    const bytes = installerBytes(code, name);
    const fileName = installerName(code);
    return {
      productCode: code,
      productName: name,
      version: VERSION,
      fileName,
      sizeBytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      url: `/v1/downloads/${fileName}`,
    };
  });
}
