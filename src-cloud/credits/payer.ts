// Whose credits a user's render spends (docs/sources.md, Portal guide §I: guests "consume from only
// one pool at a time"): the administrator spends the pool; a member the pool within their quota; a
// guest the pool when organizational access is on, else their personal credits; anyone else
// personal ones.
import { availableCredits } from '../../src-shared/org/rules/credits.ts';
import type { CreditAccess } from '../../src-shared/org/model.ts';
import { fromMilli } from '../../src-shared/credits/rules.ts';
import * as msg from '../../src-shared/credits/messages.ts';
import { loadActor, type Actor } from '../org/actor.ts';
import type { OrgTx } from '../org/tables.ts';
import { balanceMilli } from './ledger.ts';
import type { CreditTx } from './tables.ts';

export interface Quota {
  access: CreditAccess;
  usedMilli: number;
}

export interface Payer {
  actor: Actor;
  source: 'organization' | 'personal' | null;
  /** Whose lots pay. */
  ownerId: string;
  organizationId: string | null;
  /** The quota that caps a Member's or Guest's organizational spending. */
  quota: Quota | null;
  availableMilli: number;
  /** Why this user cannot render at all, when so. */
  refusal: { code: string; message: string } | null;
}

async function quotaOf(tx: CreditTx, orgId: string, accountId: string): Promise<Quota> {
  const row = await tx
    .selectFrom('credit_access')
    .select(['mode', 'limit_milli', 'used_milli'])
    .where('organization_id', '=', orgId)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  const access: CreditAccess =
    !row || row.mode === 'disabled'
      ? { mode: 'disabled' }
      : row.mode === 'unlimited'
        ? { mode: 'unlimited' }
        : { mode: 'limit', limit: fromMilli(row.limit_milli ?? 0) };
  return { access, usedMilli: row?.used_milli ?? 0 };
}

export async function payerOf(tx: CreditTx, accountId: string, now: string): Promise<Payer> {
  const actor = await loadActor(tx as unknown as OrgTx, accountId, now);
  const personal = async (): Promise<Payer> => {
    const milli = await balanceMilli(tx, accountId, now);
    return {
      actor,
      source: milli > 0 ? 'personal' : null,
      ownerId: accountId,
      organizationId: null,
      quota: null,
      availableMilli: milli,
      refusal: milli > 0 ? null : { code: 'no_credits', message: msg.NO_CREDITS },
    };
  };
  if (actor.adminOf) {
    const pool = await balanceMilli(tx, accountId, now);
    return {
      actor,
      source: 'organization',
      ownerId: accountId,
      organizationId: actor.adminOf.id,
      quota: null,
      availableMilli: pool,
      refusal: null,
    };
  }
  const org = actor.memberOf;
  if (!org) return personal();
  const quota = await quotaOf(tx, org.id, accountId);
  if (quota.access.mode === 'disabled') {
    if (org.role === 'guest') return { ...(await personal()), organizationId: null };
    return {
      actor,
      source: null,
      ownerId: org.administratorId,
      organizationId: org.id,
      quota,
      availableMilli: 0,
      refusal: {
        code: 'credit_access_disabled',
        message: msg.ACCESS_DISABLED(org.administratorEmail),
      },
    };
  }
  const pool = await balanceMilli(tx, org.administratorId, now);
  const available = availableCredits(quota.access, fromMilli(quota.usedMilli), fromMilli(pool));
  return {
    actor,
    source: 'organization',
    ownerId: org.administratorId,
    organizationId: org.id,
    quota,
    availableMilli: Math.round(available * 1000),
    refusal: null,
  };
}
