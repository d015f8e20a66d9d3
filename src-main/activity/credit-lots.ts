// The Credits tile's table: the organizational pool's lots by expiration date, from the replica.
import type { CreditLotRow } from '../../src-shared/cloud-api/sync.ts';
import type { CreditLotGroup, CreditLotsView } from '../../src-shared/domain/activity.ts';
import { AppError } from '../../src-shared/errors.ts';
import type { Core } from '../core/core.ts';

const milli = (credits: number) => Math.round(credits * 1000);

/**
 * The administrator's lots with credits left that have not expired (the pool the tile sums),
 * grouped by the day they expire, earliest first, then "No expiration date". Sums are in
 * thousandths so the groups add up to the total exactly.
 */
export function groupLots(
  lots: Iterable<CreditLotRow>,
  ownerId: string,
  now: string,
): CreditLotGroup[] {
  const byDay = new Map<string | null, number>();
  for (const l of lots) {
    if (l.ownerId !== ownerId || l.remaining <= 0) continue;
    if (l.expiresAt !== null && l.expiresAt <= now) continue;
    const day = l.expiresAt === null ? null : l.expiresAt.slice(0, 10);
    byDay.set(day, (byDay.get(day) ?? 0) + milli(l.remaining));
  }
  return [...byDay]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)))
    .map(([expiresAt, m]) => ({ expiresAt, quantity: m / 1000 }));
}

export function creditLots(core: Core, now: string): CreditLotsView {
  const account = core.account();
  if (account.organization?.role !== 'administrator')
    throw new AppError('forbidden', 'Only the Administrator of the organization can see the pool');
  const owner = core.sync.state.organization()?.administratorId ?? account.id;
  // Pulled rows with any pending local effect laid over them, as the tile's balance reads them.
  const lots = groupLots(core.sync.state.rows<CreditLotRow>('creditLots').values(), owner, now);
  return {
    lots,
    total: lots.reduce((m, l) => m + milli(l.quantity), 0) / 1000,
    asOf: core.syncStatus().lastSyncAt,
  };
}
