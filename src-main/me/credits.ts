// The user's organizational cloud credits: kept from each snapshot pull in the replica's meta
// table, read back offline; and the queued "Request more cloud credits".
import type { MyCreditsView } from '../../src-shared/cloud-api/schemas.ts';
import type { CreditLotRow, CreditAccessRow } from '../../src-shared/cloud-api/sync.ts';
import type { MyCredits, MyOrganization } from '../../src-shared/domain/me.ts';
import type { QueuedChange } from '../../src-shared/domain/org.ts';
import { AppError } from '../../src-shared/errors.ts';
import type { CreditAccess } from '../../src-shared/org/model.ts';
import type { MutationArgs } from '../../src-shared/org/mutations.ts';
import { checkRequestCredits, creditAccessLabel } from '../../src-shared/org/rules/credits.ts';
import type { Core } from '../core/core.ts';

/** The credits the last snapshot answered, kept by the replica in the same transaction. */
function read(core: Core): MyCreditsView | null {
  const raw = core.replica.getMeta('my_credits');
  if (!raw) return null;
  try {
    return JSON.parse(raw) as MyCreditsView;
  } catch {
    return null;
  }
}

function accessOf(mode: MyCreditsView['mode'], limit: number | null): CreditAccess {
  if (mode === 'limit') return { mode, limit: limit ?? 0 };
  return { mode };
}

/**
 * The organizational credits: the administrator's is the pool (from the replica's own lots); a
 * member's or guest's comes from the last cloud answer, or — before any — from their quota row.
 */
export function myCredits(core: Core, org: MyOrganization | null, now: string): MyCredits | null {
  if (!org) return null;
  if (org.role === 'administrator') {
    const pool = core.sync.state.poolBalance(now);
    return {
      mode: 'unlimited',
      limit: null,
      used: 0,
      available: pool,
      label: 'Unlimited',
      asOf: core.replica.lastSyncAt(),
    };
  }
  const kept = read(core);
  const me = core.replica.accountId();
  if (kept) {
    const access = accessOf(kept.mode, kept.limit);
    return {
      mode: kept.mode,
      limit: kept.limit,
      used: kept.used,
      available: kept.available,
      // The label of a quota capped by what is available is "available / limit".
      label: creditAccessLabel(access, kept.used, kept.available),
      asOf: core.replica.lastSyncAt(),
    };
  }
  const row = me ? core.sync.state.rows<CreditAccessRow>('creditAccess').get(me) : null;
  const access = accessOf(row?.mode ?? 'disabled', row?.limit ?? null);
  const used = row?.used ?? 0;
  const left = access.mode === 'limit' ? Math.max(0, access.limit - used) : 0;
  return {
    mode: access.mode,
    limit: access.mode === 'limit' ? access.limit : null,
    used,
    available: left,
    label: creditAccessLabel(access, used, left),
    asOf: null,
  };
}

/** The account's own unexpired credit lots (an administrator's are the organization's pool). */
export function personalCredits(core: Core, accountId: string, now: string): number {
  let sum = 0;
  for (const l of core.sync.state.rows<CreditLotRow>('creditLots').values())
    if (l.ownerId === accountId && (l.expiresAt === null || l.expiresAt > now)) sum += l.remaining;
  return Math.round(sum * 1000) / 1000;
}

/** Requests for more credits still in the outbox. */
export function pendingCreditRequests(core: Core): number {
  return core.sync.store.pendingCount('requestCredits');
}

/**
 * Queues "Request more cloud credits"; the cloud notifies the administrator (docs/sources.md,
 * Portal guide §XXV 8).
 */
export function requestCredits(core: Core, args: MutationArgs<'requestCredits'>): QueuedChange {
  const account = core.account();
  const rule = checkRequestCredits(account.organization?.role ?? null);
  if (!rule.ok) throw new AppError(rule.code, rule.message);
  const store = core.sync.store;
  const what =
    args.amount !== undefined
      ? `Request ${args.amount} more cloud credits`
      : 'Request more cloud credits';
  const note = args.note?.trim();
  const clean: MutationArgs<'requestCredits'> = {
    ...(args.amount !== undefined ? { amount: args.amount } : {}),
    ...(note ? { note } : {}),
  };
  const mutationId = store.enqueue('requestCredits', clean, what, [], core.now());
  core.sync.kick([], ['me.creditRequests']);
  return { mutationId, pending: store.pendingCount(), failed: [] };
}
