// The simulated render farm (issue 19; docs/credits.md): a job's estimate is held from the credits
// when it starts — the check and the charge in one transaction, so concurrent jobs never overdraw
// the pool or a quota — and at its end (read from the cloud's clock) what it did not use goes back.
import { AppError } from '../../src-shared/errors.ts';
import * as msg from '../../src-shared/credits/messages.ts';
import { formatCredits } from '../../src-shared/credits/format.ts';
import * as notices from '../../src-shared/credits/notices.ts';
import {
  cancelCostMilli,
  durationMs,
  estimateMilli,
  finalCostMilli,
  fromMilli,
  progressAt,
  type SceneInfo,
} from '../../src-shared/credits/rules.ts';
import type { RenderQuote } from '../../src-shared/cloud-api/credits.ts';
import { newId } from '../ids.ts';
import type { Notes } from '../org/notify.ts';
import { checkPoolAlert } from './alerts.ts';
import { charge, refund } from './ledger.ts';
import { payerOf, type Payer } from './payer.ts';
import type { Selectable } from 'kysely';
import type { CreditTx, RenderJobsTable } from './tables.ts';

type Job = Selectable<RenderJobsTable>;

export interface RenderCtx {
  tx: CreditTx;
  now: string;
  notes: Notes;
}

const c = (milli: number) => formatCredits(fromMilli(milli), 'en-US');

function refusalOf(payer: Payer, estimate: number): { code: string; message: string } | null {
  if (payer.refusal) return payer.refusal;
  if (payer.availableMilli < estimate)
    return {
      code: 'not_enough_credits',
      message: msg.notEnoughCredits(c(estimate), c(payer.availableMilli)),
    };
  return null;
}

/** Who pays for the scene, its estimate, and why it may not start (null when it may). */
async function assess(r: RenderCtx, accountId: string, scene: SceneInfo) {
  const payer = await payerOf(r.tx, accountId, r.now);
  const estimate = estimateMilli(scene);
  return { payer, estimate, refusal: refusalOf(payer, estimate) };
}

export async function quote(
  r: RenderCtx,
  accountId: string,
  scene: SceneInfo,
): Promise<RenderQuote> {
  const { payer, estimate, refusal } = await assess(r, accountId, scene);
  const a = payer.actor;
  const org = a.adminOf
    ? { name: a.adminOf.name, role: 'administrator' as const, administratorEmail: a.email }
    : a.memberOf
      ? {
          name: a.memberOf.name,
          role: a.memberOf.role,
          administratorEmail: a.memberOf.administratorEmail,
        }
      : null;
  return {
    email: a.email,
    name: a.name,
    organization: org,
    source: payer.source,
    estimate: fromMilli(estimate),
    available: fromMilli(payer.availableMilli),
    allowed: refusal === null,
    ...(refusal ? { code: refusal.code, reason: refusal.message } : {}),
  };
}

async function addUsed(r: RenderCtx, payer: Payer, accountId: string, milli: number) {
  if (!payer.quota || !payer.organizationId) return;
  await r.tx
    .updateTable('credit_access')
    .set((eb) => ({ used_milli: eb('used_milli', '+', milli) }))
    .where('organization_id', '=', payer.organizationId)
    .where('account_id', '=', accountId)
    .execute();
}

export type Submitted = { jobId: string } | { refused: { code: string; message: string } };

/**
 * Starts a job, or refuses it with the reason. A refusal writes nothing but the user's notice, so
 * the transaction still commits (the notice must not be rolled back with the charge).
 */
export async function submit(
  r: RenderCtx,
  accountId: string,
  scene: SceneInfo,
): Promise<Submitted> {
  const { payer, estimate, refusal } = await assess(r, accountId, scene);
  const jobId = newId('job');
  const taken =
    refusal === null
      ? await charge(
          r.tx,
          { ownerId: payer.ownerId, userId: accountId, jobId, at: r.now },
          estimate,
        )
      : null;
  if (!taken || !payer.source) {
    const why = refusal ?? {
      code: 'not_enough_credits',
      message: msg.notEnoughCredits(c(estimate), c(0)),
    };
    r.notes.add(
      { accountId, email: payer.actor.email },
      notices.renderRefused({ scene: scene.name, reason: why.message }),
    );
    return { refused: why };
  }
  await addUsed(r, payer, accountId, estimate);
  const ends = new Date(Date.parse(r.now) + durationMs(scene)).toISOString();
  await r.tx
    .insertInto('render_jobs')
    .values({
      id: jobId,
      account_id: accountId,
      organization_id: payer.organizationId,
      owner_id: payer.ownerId,
      source: payer.source,
      scene: scene.name,
      size_bytes: scene.sizeBytes,
      frames: scene.frames,
      estimate_milli: estimate,
      cost_milli: null,
      status: 'rendering',
      submitted_at: r.now,
      ends_at: ends,
      ended_at: null,
    })
    .execute();
  if (payer.source === 'organization') await checkPoolAlert(r, payer.ownerId);
  return { jobId };
}

/** Ends a job at `cost`: gives back what the held estimate did not use, and tells its user. */
async function finish(r: RenderCtx, job: Job, status: 'done' | 'cancelled', cost: number) {
  const back = job.estimate_milli - cost;
  await refund(
    r.tx,
    { ownerId: job.owner_id, userId: job.account_id, jobId: job.id, at: r.now },
    back,
  );
  if (job.source === 'organization' && job.organization_id) {
    await r.tx
      .updateTable('credit_access')
      .set((eb) => ({ used_milli: eb('used_milli', '-', back) }))
      .where('organization_id', '=', job.organization_id)
      .where('account_id', '=', job.account_id)
      .execute();
  }
  await r.tx
    .updateTable('render_jobs')
    .set({ status, cost_milli: cost, ended_at: r.now })
    .where('id', '=', job.id)
    .execute();
  const to = await r.tx
    .selectFrom('accounts')
    .select('email')
    .where('id', '=', job.account_id)
    .executeTakeFirstOrThrow();
  r.notes.add(
    { accountId: job.account_id, email: to.email },
    notices.renderEnded({ scene: job.scene, status, cost: fromMilli(cost) }),
  );
  if (job.source === 'organization') await checkPoolAlert(r, job.owner_id);
}

const sceneOf = (j: Job): SceneInfo => ({
  name: j.scene,
  sizeBytes: j.size_bytes,
  frames: j.frames,
});

/** Finishes every job whose end has come by the cloud's clock (called before any credit read). */
export async function settleDue(r: RenderCtx): Promise<number> {
  const due = await r.tx
    .selectFrom('render_jobs')
    .selectAll()
    .where('status', '=', 'rendering')
    .where('ends_at', '<=', r.now)
    .orderBy('ends_at')
    .execute();
  for (const job of due)
    await finish(r, job, 'done', finalCostMilli(sceneOf(job), job.estimate_milli));
  return due.length;
}

export async function cancel(r: RenderCtx, accountId: string, jobId: string): Promise<void> {
  const job = await r.tx
    .selectFrom('render_jobs')
    .selectAll()
    .where('id', '=', jobId)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  if (!job) throw new AppError('not_found', msg.JOB_NOT_FOUND);
  if (job.status !== 'rendering') throw new AppError('conflict', msg.JOB_ALREADY_ENDED);
  const progress = progressAt(
    Date.parse(job.submitted_at),
    Date.parse(job.ends_at),
    Date.parse(r.now),
  );
  const cost = cancelCostMilli(finalCostMilli(sceneOf(job), job.estimate_milli), progress);
  await finish(r, job, 'cancelled', cost);
}
