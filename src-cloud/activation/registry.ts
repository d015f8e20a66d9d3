// The cloud's registry of license servers per account (docs/requirements.md §6): registration, signed
// entitlements within the one-seat-one-server rule (grant.ts), acknowledgements, the License
// Servers tab, moves of seats and offline workstations (docs/activation.md).
import type { Static } from 'typebox';
import {
  ENTITLEMENT_RENEW_MS,
  ENTITLEMENT_VALID_MS,
  type EntitlementPayload,
} from '../../src-shared/activation/formats.ts';
import type {
  EntitlementRequestBody,
  LicenseServerRow,
  MoveSeatsBody,
} from '../../src-shared/cloud-api/license-servers.ts';
import { AppError } from '../../src-shared/errors.ts';
import type { CloudContext } from '../context.ts';
import { newId } from '../ids.ts';
import type { Store } from '../store/db.ts';
import { desiredSplit, freeFor, heldByOthers, owedOf } from './grant.ts';
import { sharesOf } from './shares.ts';
import { renewAllDue } from '../billing/renewals.ts';
import { borrowedByAccount } from '../borrow/borrows.ts';
import { signDocument } from './sign.ts';

/** An offline workstation cannot renew: its .crt is valid this long (docs/activation.md). */
export const OFFLINE_VALID_MS = 30 * 24 * 3600_000;

type Registration = Static<typeof EntitlementRequestBody>;
const iso = (ms: number) => new Date(ms).toISOString();

async function upsertServer(
  db: Store,
  accountId: string,
  r: Omit<Registration, 'holding'>,
  mode: 'online' | 'offline',
  now: string,
): Promise<string> {
  const found = await db
    .selectFrom('license_servers')
    .select('id')
    .where('account_id', '=', accountId)
    .where('fingerprint', '=', r.fingerprint)
    .executeTakeFirst();
  if (found) {
    await db
      .updateTable('license_servers')
      .set({ name: r.name, host: r.host, mode, last_contact_at: now })
      .where('id', '=', found.id)
      .execute();
    return found.id;
  }
  const last = await db
    .selectFrom('license_servers')
    .select((eb) => eb.fn.max('position').as('p'))
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  const id = newId('srv');
  await db
    .insertInto('license_servers')
    .values({
      id,
      account_id: accountId,
      fingerprint: r.fingerprint,
      public_key_pem: r.publicKeyPem,
      name: r.name,
      host: r.host,
      mode,
      position: Number(last?.p ?? 0) + 1,
      created_at: now,
      last_contact_at: now,
    })
    .execute();
  return id;
}

async function acknowledge(db: Store, serverId: string, entitlementId: string, now: string) {
  await db
    .updateTable('entitlements')
    .set({ acked_at: now })
    .where('id', '=', entitlementId)
    .where('server_id', '=', serverId)
    .where('acked_at', 'is', null)
    .execute();
}

/** Signs the server's next entitlement (or answers its current one when nothing changed). */
async function entitle(
  ctx: CloudContext,
  db: Store,
  accountId: string,
  serverId: string,
  mode: 'online' | 'offline',
): Promise<string> {
  const nowMs = ctx.clock();
  const now = iso(nowMs);
  // A subscription renewed today is still served: renewals are settled first.
  await renewAllDue(db, now);
  const { whose, shares: all } = await sharesOf(db, accountId, now);
  // A borrowed seat is no server's: it leaves every entitlement of the account (issue 13).
  const borrowed = await borrowedByAccount(db, accountId, now);
  const shares = all.map((s) => ({
    ...s,
    share: Math.max(0, s.share - (borrowed.get(s.purchaseId) ?? 0)),
  }));
  const servers = await db
    .selectFrom('license_servers')
    .select(['id', 'position'])
    .where('account_id', '=', accountId)
    .execute();
  const allocations = await db
    .selectFrom('server_allocations')
    .selectAll()
    .where(
      'server_id',
      'in',
      servers.map((s) => s.id),
    )
    .execute();
  const desired = desiredSplit(servers, shares, allocations).get(serverId) ?? new Map();
  const purchaseIds = shares.map((s) => s.purchaseId);
  const held = await heldByOthers(db, serverId, purchaseIds, now);
  const owed = await owedOf(db, purchaseIds);
  const perPurchase: Array<{ purchaseId: string; product: string; n: number }> = [];
  for (const s of shares) {
    const want = desired.get(s.purchaseId) ?? 0;
    const free = freeFor(accountId, s.share, held.get(s.purchaseId), owed.get(s.purchaseId));
    const n = Math.min(want, free);
    if (n > 0) perPurchase.push({ purchaseId: s.purchaseId, product: s.productCode, n });
  }
  const totals = new Map<string, number>();
  for (const p of perPurchase) totals.set(p.product, (totals.get(p.product) ?? 0) + p.n);
  const products = await db.selectFrom('products').selectAll().orderBy('sort_order').execute();
  const seats = products
    .filter((p) => totals.has(p.code))
    .map((p) => ({ product: p.code, name: p.name, total: totals.get(p.code) ?? 0 }));

  const latest = await db
    .selectFrom('entitlements')
    .selectAll()
    .where('server_id', '=', serverId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  // Online: the same seats are answered with the same document until it is due for renewal.
  // Offline: a workstation's .crt is issued again when its seats changed or it expired.
  const due = mode === 'offline' ? latest?.valid_until : latest?.renew_after;
  if (latest && due && Date.parse(due) > nowMs) {
    const kept = (JSON.parse(latest.document) as { payload: EntitlementPayload }).payload;
    if (JSON.stringify(kept.seats) === JSON.stringify(seats)) return latest.document;
  }
  const [server, account] = await Promise.all([
    db
      .selectFrom('license_servers')
      .selectAll()
      .where('id', '=', serverId)
      .executeTakeFirstOrThrow(),
    db.selectFrom('accounts').select('email').where('id', '=', accountId).executeTakeFirstOrThrow(),
  ]);
  const id = newId('ent');
  const payload: EntitlementPayload = {
    kind: 'entitlement',
    id,
    serverId,
    fingerprint: server.fingerprint,
    account: account.email,
    whose,
    mode,
    name: server.name,
    seats,
    issuedAt: now,
    validUntil: iso(nowMs + (mode === 'offline' ? OFFLINE_VALID_MS : ENTITLEMENT_VALID_MS)),
    renewAfter: iso(nowMs + ENTITLEMENT_RENEW_MS),
  };
  const document = signDocument(ctx.key, payload);
  const seq = await db
    .selectFrom('entitlements')
    .select((eb) => eb.fn.max('seq').as('s'))
    .executeTakeFirst();
  await db
    .insertInto('entitlements')
    .values({
      id,
      server_id: serverId,
      seq: Number(seq?.s ?? 0) + 1,
      issued_at: now,
      valid_until: payload.validUntil,
      renew_after: payload.renewAfter,
      acked_at: null,
      document,
    })
    .execute();
  for (const p of perPurchase)
    await db
      .insertInto('entitlement_seats')
      .values({
        entitlement_id: id,
        purchase_id: p.purchaseId,
        product_code: p.product,
        quantity: p.n,
      })
      .execute();
  return document;
}

/** POST /v1/license-servers/entitlement: one transaction, so two servers never race a seat. */
export function requestEntitlement(
  ctx: CloudContext,
  accountId: string,
  body: Registration,
): Promise<string> {
  return ctx.db.transaction().execute(async (tx) => {
    const now = iso(ctx.clock());
    const serverId = await upsertServer(tx, accountId, body, 'online', now);
    if (body.holding) await acknowledge(tx, serverId, body.holding, now);
    return entitle(ctx, tx, accountId, serverId, 'online');
  });
}

export async function ackEntitlement(
  ctx: CloudContext,
  accountId: string,
  entitlementId: string,
): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const row = await tx
      .selectFrom('entitlements as e')
      .innerJoin('license_servers as s', 's.id', 'e.server_id')
      .select(['e.server_id'])
      .where('e.id', '=', entitlementId)
      .where('s.account_id', '=', accountId)
      .executeTakeFirst();
    if (!row) throw new AppError('not_found', `No entitlement ${entitlementId} of this account.`);
    const now = iso(ctx.clock());
    await acknowledge(tx, row.server_id, entitlementId, now);
    await tx
      .updateTable('license_servers')
      .set({ last_contact_at: now })
      .where('id', '=', row.server_id)
      .execute();
  });
}

export async function listServers(db: Store, accountId: string): Promise<LicenseServerRow[]> {
  const servers = await db
    .selectFrom('license_servers')
    .selectAll()
    .where('account_id', '=', accountId)
    .orderBy('position')
    .execute();
  const rows: LicenseServerRow[] = [];
  for (const s of servers) {
    const latest = await db
      .selectFrom('entitlements')
      .select('document')
      .where('server_id', '=', s.id)
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    const p = latest
      ? (JSON.parse(latest.document) as { payload: EntitlementPayload }).payload
      : null;
    rows.push({
      id: s.id,
      name: s.name,
      host: s.host,
      fingerprint: s.fingerprint,
      mode: s.mode,
      lastContactAt: s.last_contact_at,
      seats: p?.seats ?? [],
      validUntil: p?.validUntil ?? null,
    });
  }
  return rows;
}

/** Moves `count` seats of a product from one of the account's servers to another. */
export async function moveSeats(ctx: CloudContext, accountId: string, m: MoveSeatsBody) {
  await ctx.db.transaction().execute(async (tx) => {
    const servers = await tx
      .selectFrom('license_servers')
      .select(['id', 'position', 'name'])
      .where('account_id', '=', accountId)
      .orderBy('position')
      .execute();
    const from = servers.find((s) => s.id === m.from);
    const to = servers.find((s) => s.id === m.to);
    if (!from || !to || from === to)
      throw new AppError('bad_request', 'Choose two different license servers of this account.');
    const now = iso(ctx.clock());
    const { shares } = await sharesOf(tx, accountId, now);
    const allocations = await tx
      .selectFrom('server_allocations')
      .selectAll()
      .where(
        'server_id',
        'in',
        servers.map((s) => s.id),
      )
      .execute();
    const desired = desiredSplit(servers, shares, allocations);
    const has = [...(desired.get(from.id)?.entries() ?? [])]
      .filter(
        ([purchase]) => shares.find((s) => s.purchaseId === purchase)?.productCode === m.product,
      )
      .reduce((a, [, n]) => a + n, 0);
    if (m.count > has)
      throw new AppError(
        'conflict',
        `${from.name} has ${has} seat${has === 1 ? '' : 's'} of ${m.product}; it cannot give ${m.count}.`,
      );
    const firstId = servers[0]?.id;
    const alloc = (id: string) =>
      allocations.find((a) => a.server_id === id && a.product_code === m.product)?.quantity ?? 0;
    const put = async (id: string, quantity: number) => {
      if (id === firstId) return; // the first server holds whatever is not moved away
      await tx
        .deleteFrom('server_allocations')
        .where('server_id', '=', id)
        .where('product_code', '=', m.product)
        .execute();
      if (quantity > 0)
        await tx
          .insertInto('server_allocations')
          .values({ server_id: id, product_code: m.product, quantity })
          .execute();
    };
    await put(from.id, alloc(from.id) - m.count);
    await put(to.id, alloc(to.id) + m.count);
  });
  return listServers(ctx.db, accountId);
}

export { upsertServer, entitle };
