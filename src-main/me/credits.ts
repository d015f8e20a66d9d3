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
import type { MetaKey } from '../store/replica.ts';
import { onSnapshotExtras } from '../sync/snapshot-sync.ts';
import { rowsWithEffects } from './rows.ts';

/**
 * The meta key the figures are kept under. MetaKey (store/replica.ts) lists the core's own keys;
 * this one belongs to this module, and the meta table takes any key without a migration.
 */
const CREDITS_KEY = 'my_credits' as MetaKey;

interface Kept extends MyCreditsView {
  accountId: string;
  at: string;
}

const attached = new WeakSet<Core>();

/**
 * Keeps the credits every snapshot pull answers (once per core); tells the views when they
 * changed, since no replica table changes with them (e.g. the pool was spent by others).
 */
export function keepSnapshotCredits(core: Core): void {
  if (attached.has(core)) return;
  attached.add(core);
  onSnapshotExtras(core.client, ({ accountId, credits, at }) => {
    const before = read(core);
    core.replica.setMeta(
      CREDITS_KEY,
      credits ? JSON.stringify({ accountId, at, ...credits }) : null,
    );
    const same =
      before?.accountId === accountId &&
      credits !== null &&
      before.mode === credits.mode &&
      before.limit === credits.limit &&
      before.used === credits.used &&
      before.available === credits.available;
    // After the engine has applied the rest of this snapshot, so views reload once, complete.
    if (!same) setImmediate(() => core.publish('data.changed', { tables: ['me.credits'] }));
  });
}

function read(core: Core): Kept | null {
  const raw = core.replica.getMeta(CREDITS_KEY);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as Kept;
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
  if (kept && kept.accountId === me) {
    const access = accessOf(kept.mode, kept.limit);
    return {
      mode: kept.mode,
      limit: kept.limit,
      used: kept.used,
      available: kept.available,
      // The label of a quota capped by what is available is "available / limit".
      label: creditAccessLabel(access, kept.used, kept.available),
      asOf: kept.at,
    };
  }
  const row = me ? rowsWithEffects<CreditAccessRow>(core.sync.store, 'creditAccess').get(me) : null;
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
  for (const l of rowsWithEffects<CreditLotRow>(core.sync.store, 'creditLots').values())
    if (l.ownerId === accountId && (l.expiresAt === null || l.expiresAt > now)) sum += l.remaining;
  return Math.round(sum * 1000) / 1000;
}

/** Requests for more credits still in the outbox. */
export function pendingCreditRequests(core: Core): number {
  return core.sync.store.pending(Number.MAX_SAFE_INTEGER).filter((m) => m.name === 'requestCredits')
    .length;
}

/** Queues "Request more cloud credits"; the cloud notifies the administrator (seed 000 §XXV 8). */
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
  const mutationId = store.enqueue('requestCredits', clean, what, [], new Date().toISOString());
  core.sync.kick();
  return { mutationId, pending: store.pendingCount(), failed: [] };
}
