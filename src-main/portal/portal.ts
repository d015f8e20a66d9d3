// The My Chaos portal's side of the core (issue 15): every call goes to the cloud, which owns
// subscriptions, invoices and payments (docs/billing.md); after a change the replica is synced so
// Products, Licensing and credits show it. Files are saved under the data folder's downloads/.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { SavedFile } from '../../src-shared/bridge/calls/billing.ts';
import type { billingRoutes, DownloadView } from '../../src-shared/cloud-api/billing.ts';
import { AppError } from '../../src-shared/errors.ts';
import type { Core } from '../core/core.ts';

type Name = keyof typeof billingRoutes;

/** Reads from the cloud. */
export function ask<T>(core: Core, name: Name, body?: unknown, query = ''): Promise<T> {
  return core.client.billing(name, body, query) as Promise<T>;
}

/** Changes in the cloud, then a sync so the replica's views show them. */
export async function change<T>(core: Core, name: Name, body: unknown): Promise<T> {
  const done = (await core.client.billing(name, body)) as T;
  core.sync.kick();
  return done;
}

export function invoiceQuery(q: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v) params.set(k, v);
  return params.size ? `?${params.toString()}` : '';
}

function save(core: Core, fileName: string, bytes: Buffer): SavedFile {
  const dir = join(core.dataDir, 'downloads');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, basename(fileName));
  writeFileSync(path, bytes);
  return {
    fileName,
    path,
    sizeBytes: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}

export async function saveInvoicePdf(core: Core, number: string): Promise<SavedFile> {
  const bytes = await core.client.file(`/v1/invoices/${encodeURIComponent(number)}/pdf`);
  return save(core, `${number}.pdf`, bytes);
}

/** Saves an installer and refuses it when its bytes do not have the checksum the cloud listed. */
export async function saveInstaller(core: Core, fileName: string): Promise<SavedFile> {
  const list = await ask<DownloadView[]>(core, 'downloads');
  const d = list.find((x) => x.fileName === fileName);
  if (!d)
    throw new AppError('not_found', `${fileName} is not an installer of your active products.`);
  const bytes = await core.client.file(d.url);
  const sha = createHash('sha256').update(bytes).digest('hex');
  if (sha !== d.sha256)
    throw new AppError(
      'checksum_mismatch',
      `${fileName} was not saved: its SHA-256 is ${sha}, not the ${d.sha256} the cloud lists.`,
    );
  return save(core, fileName, bytes);
}
