// Offline activation on the cloud's side (docs/sources.md, Online licensing "Offline Activation"
// steps 3-5): an activation request file is checked (its own machine key signed it), the
// workstation is registered and its .crt issued.
import { verifyDocument } from '../../src-shared/activation/verify.ts';
import { AppError } from '../../src-shared/errors.ts';
import type { CloudContext } from '../context.ts';
import { entitle, listServers, upsertServer } from './registry.ts';
import { nodeDocumentCrypto } from './sign.ts';

export async function activateWorkstation(
  ctx: CloudContext,
  accountId: string,
  requestText: string,
  name: string,
) {
  const checked = verifyDocument(requestText, {
    kind: 'activation-request',
    crypto: nodeDocumentCrypto,
    key: null,
  });
  if (!checked.ok)
    throw new AppError(
      'bad_request',
      `This activation request file is refused (${checked.refusal.code}): ${checked.refusal.message}`,
    );
  const r = checked.payload;
  const document = await ctx.db.transaction().execute(async (tx) => {
    const now = new Date(ctx.clock()).toISOString();
    const id = await upsertServer(
      tx,
      accountId,
      { fingerprint: r.fingerprint, publicKeyPem: r.publicKeyPem, name, host: r.host },
      'offline',
      now,
    );
    return { id, document: await entitle(ctx, tx, accountId, id, 'offline') };
  });
  const server = (await listServers(ctx.db, accountId)).find((s) => s.id === document.id);
  if (!server) throw new AppError('internal', 'The workstation was not registered.');
  return { server, document: document.document };
}

/** The workstation's .crt: issued again when its seats changed (a move since its activation). */
export async function workstationCrt(ctx: CloudContext, accountId: string, serverId: string) {
  const document = await ctx.db.transaction().execute(async (tx) => {
    const server = await tx
      .selectFrom('license_servers')
      .select(['id', 'mode'])
      .where('id', '=', serverId)
      .where('account_id', '=', accountId)
      .executeTakeFirst();
    if (!server) throw new AppError('not_found', 'This account has no such license server.');
    if (server.mode === 'offline') return entitle(ctx, tx, accountId, server.id, 'offline');
    const row = await tx
      .selectFrom('entitlements')
      .select('document')
      .where('server_id', '=', server.id)
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (!row) throw new AppError('not_found', 'This license server has no entitlement yet.');
    return row.document;
  });
  return { document };
}
