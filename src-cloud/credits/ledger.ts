// The credit ledger in the cloud store: every movement of a lot is a row (purchase, charge,
// refund, expiry) and `credit_lots.remaining_milli` moves with it in the same transaction, so the
// balance at any instant is the sum of the rows up to it (docs/credits.md).
import {
  liveBalanceMilli,
  planCharge,
  planRefund,
  type LotLeft,
  type Take,
} from '../../src-shared/credits/rules.ts';
import { newId } from '../ids.ts';
import type { CreditTx, LedgerKind } from './tables.ts';

export interface Movement {
  ownerId: string;
  userId: string | null;
  jobId: string | null;
  at: string;
}

export async function lotsOf(tx: CreditTx, ownerId: string): Promise<LotLeft[]> {
  const rows = await tx
    .selectFrom('credit_lots')
    .select(['id', 'remaining_milli', 'expires_at'])
    .where('account_id', '=', ownerId)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    remainingMilli: r.remaining_milli,
    expiresAt: r.expires_at,
  }));
}

async function move(tx: CreditTx, m: Movement, kind: LedgerKind, lotId: string, milli: number) {
  await tx
    .insertInto('credit_ledger')
    .values({
      id: newId('led'),
      owner_id: m.ownerId,
      lot_id: lotId,
      kind,
      amount_milli: milli,
      user_id: m.userId,
      job_id: m.jobId,
      at: m.at,
    })
    .execute();
  await tx
    .updateTable('credit_lots')
    .set((eb) => ({ remaining_milli: eb('remaining_milli', '+', milli) }))
    .where('id', '=', lotId)
    .execute();
}

/**
 * Writes an expiry row for every lot of the owner that expired with credit left. The row is dated
 * at the expiry, or now when the lot moved after it (a refund to a lot that had expired).
 */
export async function expireLots(tx: CreditTx, ownerId: string, now: string): Promise<void> {
  const due = await tx
    .selectFrom('credit_lots as l')
    .select(['l.id', 'l.remaining_milli', 'l.expires_at'])
    .select((eb) =>
      eb
        .selectFrom('credit_ledger as g')
        .select((e) => e.fn.max('g.at').as('last'))
        .whereRef('g.lot_id', '=', 'l.id')
        .as('last'),
    )
    .where('l.account_id', '=', ownerId)
    .where('l.remaining_milli', '>', 0)
    .where('l.expires_at', 'is not', null)
    .where('l.expires_at', '<=', now)
    .execute();
  for (const lot of due) {
    const expiresAt = lot.expires_at ?? now;
    const at = lot.last && lot.last > expiresAt ? now : expiresAt;
    await move(
      tx,
      { ownerId, userId: null, jobId: null, at },
      'expiry',
      lot.id,
      -lot.remaining_milli,
    );
  }
}

/** The owner's balance now: live lots only, after writing any due expiry. */
export async function balanceMilli(tx: CreditTx, ownerId: string, now: string): Promise<number> {
  await expireLots(tx, ownerId, now);
  return liveBalanceMilli(await lotsOf(tx, ownerId), now);
}

/** Charges `milli` earliest-expiring first; null (and nothing written) when the lots hold less. */
export async function charge(tx: CreditTx, m: Movement, milli: number): Promise<Take[] | null> {
  await expireLots(tx, m.ownerId, m.at);
  const takes = planCharge(await lotsOf(tx, m.ownerId), milli, m.at);
  if (!takes) return null;
  for (const t of takes) await move(tx, m, 'charge', t.lotId, -t.milli);
  return takes;
}

/** Gives `milli` of a job's charges back to the lots they came from, the last-taken first. */
export async function refund(tx: CreditTx, m: Movement & { jobId: string }, milli: number) {
  if (milli <= 0) return;
  const rows = await tx
    .selectFrom('credit_ledger')
    .select(['lot_id', 'amount_milli', 'kind'])
    .where('job_id', '=', m.jobId)
    .orderBy('seq')
    .execute();
  const net = new Map<string, number>();
  for (const r of rows) net.set(r.lot_id, (net.get(r.lot_id) ?? 0) - r.amount_milli);
  const taken: Take[] = [...net]
    .filter(([, v]) => v > 0)
    .map(([lotId, v]) => ({ lotId, milli: v }));
  for (const t of planRefund(taken, milli)) await move(tx, m, 'refund', t.lotId, t.milli);
  await expireLots(tx, m.ownerId, m.at);
}

/** A new lot and its purchase row (the seed's lots, and any later purchase). */
export async function addLot(
  tx: CreditTx,
  lot: {
    id: string;
    ownerId: string;
    amountMilli: number;
    purchasedAt: string;
    expiresAt: string | null;
  },
  usedMilli = 0,
): Promise<void> {
  await tx
    .insertInto('credit_lots')
    .values({
      id: lot.id,
      account_id: lot.ownerId,
      amount_milli: lot.amountMilli,
      remaining_milli: 0,
      purchased_at: lot.purchasedAt,
      expires_at: lot.expiresAt,
    })
    .execute();
  const m: Movement = { ownerId: lot.ownerId, userId: null, jobId: null, at: lot.purchasedAt };
  await move(tx, m, 'purchase', lot.id, lot.amountMilli);
  if (usedMilli > 0) await move(tx, m, 'charge', lot.id, -usedMilli);
}
