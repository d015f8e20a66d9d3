// What the credit routes answer: the balance "as of" now with lots by expiration date, the
// ledger rows the caller may see, and render jobs, in the feed's row shapes.
import { sql } from 'kysely';
import type { CreditBalance } from '../../src-shared/cloud-api/credits.ts';
import type { CreditLedgerRow, RenderJobRow } from '../../src-shared/cloud-api/sync.ts';
import { consumptionOrder, fromMilli, lotIsLive } from '../../src-shared/credits/rules.ts';
import { jsonSqlOf } from '../store/json-sql.ts';
import { lotsOf } from './ledger.ts';
import { payerOf } from './payer.ts';
import type { RenderCtx } from './render.ts';

export async function balanceOf(r: RenderCtx, accountId: string): Promise<CreditBalance> {
  const payer = await payerOf(r.tx, accountId, r.now);
  // Members see their quota, not the pool's lots; the pool's owner and personal buyers see lots.
  const showLots = payer.ownerId === accountId;
  const lots = showLots
    ? consumptionOrder((await lotsOf(r.tx, accountId)).filter((l) => lotIsLive(l, r.now)))
    : [];
  const alert = payer.actor.adminOf
    ? await r.tx
        .selectFrom('credit_alerts')
        .select('threshold_milli')
        .where('organization_id', '=', payer.actor.adminOf.id)
        .executeTakeFirst()
    : undefined;
  return {
    asOf: r.now,
    source: payer.source,
    lots: lots
      .filter((l) => l.remainingMilli > 0)
      .map((l) => ({ id: l.id, expiresAt: l.expiresAt, remaining: fromMilli(l.remainingMilli) })),
    total: fromMilli(lots.reduce((s, l) => s + l.remainingMilli, 0)),
    quota: payer.quota
      ? {
          mode: payer.quota.access.mode,
          limit: payer.quota.access.mode === 'limit' ? payer.quota.access.limit : null,
          used: fromMilli(payer.quota.usedMilli),
        }
      : null,
    available: fromMilli(payer.availableMilli),
    alertThreshold: alert ? fromMilli(alert.threshold_milli) : null,
  };
}

export async function ledgerOf(r: RenderCtx, accountId: string): Promise<CreditLedgerRow[]> {
  const j = jsonSqlOf(r.tx);
  const { rows } = await sql<{ j: string }>`
    SELECT ${j.agg(
      sql`${j.obj}('id', g.id, 'ownerId', g.owner_id, 'lotId', g.lot_id, 'kind', g.kind,
      'amount', g.amount_milli / 1000.0, 'userId', g.user_id, 'userEmail', a.email, 'jobId', g.job_id,
      'at', g.at)`,
      sql`g.seq`,
    )} AS j
    FROM (SELECT * FROM credit_ledger WHERE owner_id = ${accountId} OR user_id = ${accountId} ORDER BY seq) g
    LEFT JOIN accounts a ON a.id = g.user_id`.execute(r.tx);
  return JSON.parse(rows[0]?.j ?? '[]') as CreditLedgerRow[];
}

export async function jobsOf(
  r: RenderCtx,
  accountId: string,
  jobId?: string,
): Promise<RenderJobRow[]> {
  const j = jsonSqlOf(r.tx);
  const { rows } = await sql<{ j: string }>`
    SELECT ${j.agg(
      sql`${j.obj}('id', x.id, 'userId', x.account_id, 'userEmail', a.email,
      'ownerId', x.owner_id, 'source', x.source, 'scene', x.scene, 'sizeBytes', x.size_bytes,
      'frames', x.frames, 'estimate', x.estimate_milli / 1000.0,
      'cost', CASE WHEN x.cost_milli IS NULL THEN NULL ELSE x.cost_milli / 1000.0 END,
      'status', x.status, 'submittedAt', x.submitted_at, 'endsAt', x.ends_at, 'endedAt', x.ended_at)`,
      sql`x.submitted_at DESC, x.id`,
    )} AS j
    FROM (SELECT * FROM render_jobs WHERE account_id = ${accountId}
      ${jobId ? sql`AND id = ${jobId}` : sql``} ORDER BY submitted_at DESC, id) x
    JOIN accounts a ON a.id = x.account_id`.execute(r.tx);
  return JSON.parse(rows[0]?.j ?? '[]') as RenderJobRow[];
}
