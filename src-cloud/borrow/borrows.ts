// Borrow records (docs/requirements.md §7, issue 13, docs/activation.md "Borrows"): a seat of a floating license
// lent to one machine until a signed end. While it lasts it is subtracted from every server's
// entitlement (activation/registry.ts reads `borrowedByAccount`), it blocks revoke and removal
// (org/operations/facts.ts), and it ends by itself: every query here counts only borrows whose
// `until` is later than the clock and that were not returned.
import type { BorrowPayload } from '../../src-shared/activation/formats.ts';
import {
  borrowRefusal,
  borrowUntil,
  defaultPolicy,
  type BorrowPolicy,
} from '../../src-shared/borrow/rules.ts';
import type {
  BorrowBody,
  BorrowPolicyBody,
  BorrowRecord,
} from '../../src-shared/cloud-api/borrow.ts';
import { AppError } from '../../src-shared/errors.ts';
import { signDocument } from '../activation/sign.ts';
import { sharesOf } from '../activation/shares.ts';
import type { CloudContext } from '../context.ts';
import { newId } from '../ids.ts';
import type { Store } from '../store/db.ts';
import { organizationOf } from '../views/organization.ts';

const iso = (ms: number) => new Date(ms).toISOString();

function open(db: Store, now: string) {
  return db.selectFrom('borrows').where('returned_at', 'is', null).where('until', '>', now);
}

/** Seats each purchase's borrows of this account hold now: no server of it is entitled to them. */
export async function borrowedByAccount(
  db: Store,
  accountId: string,
  now: string,
): Promise<Map<string, number>> {
  const rows = await open(db, now)
    .select(['purchase_id', (eb) => eb.fn.sum<number>('quantity').as('n')])
    .where('account_id', '=', accountId)
    .groupBy('purchase_id')
    .execute();
  return new Map(rows.map((r) => [r.purchase_id, Number(r.n)]));
}

export async function policyOf(db: Store, ownerId: string, product: string): Promise<BorrowPolicy> {
  const p = await db
    .selectFrom('borrow_policies')
    .selectAll()
    .where('owner_id', '=', ownerId)
    .where('product_code', '=', product)
    .executeTakeFirst();
  return p ? { floor: p.floor, userMax: p.user_max, maxDays: p.max_days } : defaultPolicy;
}

async function recordOf(db: Store, id: string): Promise<BorrowRecord> {
  const r = await db
    .selectFrom('borrows as b')
    .innerJoin('accounts as a', 'a.id', 'b.account_id')
    .innerJoin('products as p', 'p.code', 'b.product_code')
    .select([
      'b.id',
      'a.email',
      'b.product_code',
      'p.name',
      'b.quantity',
      'b.fingerprint',
      'b.machine',
      'b.borrowed_at',
      'b.until',
    ])
    .where('b.id', '=', id)
    .executeTakeFirstOrThrow();
  return {
    id: r.id,
    account: r.email,
    product: r.product_code,
    name: r.name,
    quantity: r.quantity,
    fingerprint: r.fingerprint ?? null,
    machine: r.machine ?? null,
    borrowedAt: r.borrowed_at,
    until: r.until,
  };
}

/** POST /v1/borrows: checks the rules, records (or extends) the borrow, signs it for the machine. */
export function borrow(
  ctx: CloudContext,
  accountId: string,
  body: BorrowBody,
): Promise<{ borrow: BorrowRecord; document: string }> {
  return ctx.db.transaction().execute(async (tx) => {
    const nowMs = ctx.clock();
    const now = iso(nowMs);
    const product = await tx
      .selectFrom('products')
      .select(['code', 'name'])
      .where('code', '=', body.product)
      .executeTakeFirst();
    if (!product) throw new AppError('not_found', `There is no product "${body.product}".`);
    const shares = (await sharesOf(tx, accountId, now)).shares.filter(
      (s) => s.productCode === product.code,
    );
    const firstShare = shares[0];
    const owner = firstShare
      ? (
          await tx
            .selectFrom('purchases')
            .select('account_id')
            .where('id', '=', firstShare.purchaseId)
            .executeTakeFirstOrThrow()
        ).account_id
      : accountId;
    const ownerPurchases = await tx
      .selectFrom('purchases')
      .select(['id', 'quantity'])
      .where('account_id', '=', owner)
      .where('product_code', '=', product.code)
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
      .execute();
    const ids = ownerPurchases.map((p) => p.id);
    const all = ids.length
      ? await open(tx, now)
          .select(['account_id', 'purchase_id', 'quantity', 'id', 'fingerprint', 'until'])
          .where('purchase_id', 'in', ids)
          .execute()
      : [];
    const mine = all.filter((b) => b.account_id === accountId);
    const held = mine.find((b) => b.fingerprint === body.fingerprint);
    const policy = await policyOf(tx, owner, product.code);
    const refused = borrowRefusal({
      productName: product.name,
      days: body.days,
      policy,
      total: ownerPurchases.reduce((n, p) => n + p.quantity, 0),
      borrowedNow: all.reduce((n, b) => n + b.quantity, 0),
      share: shares.reduce((n, s) => n + s.share, 0),
      userBorrowed: mine.reduce((n, b) => n + b.quantity, 0),
      extending: !!held,
    });
    if (refused) throw new AppError(refused.code, refused.message);
    const until = iso(borrowUntil(nowMs, body.days, held ? Date.parse(held.until) : undefined));
    let id: string;
    if (held) {
      id = held.id;
      await tx
        .updateTable('borrows')
        .set({ until, machine: body.name })
        .where('id', '=', id)
        .execute();
    } else {
      const used = (p: string) =>
        mine.filter((b) => b.purchase_id === p).reduce((n, b) => n + b.quantity, 0);
      const from = shares.find((s) => s.share - used(s.purchaseId) > 0) ?? firstShare;
      if (!from) throw new AppError('borrow_no_license', 'No purchase to borrow from.');
      id = newId('brw');
      await tx
        .insertInto('borrows')
        .values({
          id,
          account_id: accountId,
          purchase_id: from.purchaseId,
          product_code: product.code,
          quantity: 1,
          borrowed_at: now,
          until,
          returned_at: null,
          fingerprint: body.fingerprint,
          machine: body.name,
          document: null,
        })
        .execute();
    }
    const account = await tx
      .selectFrom('accounts')
      .select('email')
      .where('id', '=', accountId)
      .executeTakeFirstOrThrow();
    const payload: BorrowPayload = {
      kind: 'borrow',
      id,
      fingerprint: body.fingerprint,
      account: account.email,
      product: product.code,
      name: product.name,
      quantity: 1,
      issuedAt: now,
      validUntil: until,
    };
    const document = signDocument(ctx.key, payload);
    await tx.updateTable('borrows').set({ document }).where('id', '=', id).execute();
    return { borrow: await recordOf(tx, id), document };
  });
}

/** POST /v1/borrows/return: the seat goes back; the servers get it at their next renewal. */
export async function returnBorrow(
  ctx: CloudContext,
  accountId: string,
  id: string,
): Promise<void> {
  const now = iso(ctx.clock());
  const r = await ctx.db
    .updateTable('borrows')
    .set({ returned_at: now })
    .where('id', '=', id)
    .where('account_id', '=', accountId)
    .where('returned_at', 'is', null)
    .where('until', '>', now)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0)
    throw new AppError(
      'borrow_not_found',
      `No open borrow ${id} of this account: it was returned already or its period ended.`,
    );
}

export async function listBorrows(
  db: Store,
  accountId: string,
  now: string,
): Promise<BorrowRecord[]> {
  const rows = await open(db, now)
    .select('id')
    .where('account_id', '=', accountId)
    .orderBy('until')
    .execute();
  return Promise.all(rows.map((r) => recordOf(db, r.id)));
}

/** POST /v1/borrows/policy: the administrator's (or an owner's) rules of one product. */
export async function setPolicy(
  ctx: CloudContext,
  accountId: string,
  body: BorrowPolicyBody,
): Promise<BorrowPolicyBody> {
  const org = await organizationOf(ctx.db, accountId);
  if (org && org.role !== 'administrator')
    throw new AppError(
      'forbidden',
      `Only the organization's administrator (${org.administratorEmail}) sets borrowing rules.`,
    );
  await ctx.db
    .deleteFrom('borrow_policies')
    .where('owner_id', '=', accountId)
    .where('product_code', '=', body.product)
    .execute();
  await ctx.db
    .insertInto('borrow_policies')
    .values({
      owner_id: accountId,
      product_code: body.product,
      floor: body.floor,
      user_max: body.userMax,
      max_days: body.maxDays,
    })
    .execute();
  return body;
}
