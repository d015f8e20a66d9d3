// Cloud credits as the replica holds them (issue 19): the balance with lots "as of" the last
// sync, consumption over time from the ledger rows, the user's quota, and render jobs. Read
// offline like every view (docs/requirements.md §11).
import type {
  CreditLedgerRow,
  CreditLotRow,
  RenderJobRow,
} from '../../src-shared/cloud-api/sync.ts';
import type { ConsumptionDay, CreditsOverview } from '../../src-shared/domain/credits.ts';
import { groupLots } from '../activity/credit-lots.ts';
import type { Core } from '../core/core.ts';
import { myCredits } from '../me/credits.ts';

const milli = (v: number) => Math.round(v * 1000);

/**
 * Net credits consumed per day (UTC) by job charges and refunds, per user and in total; expiries
 * and purchases are not consumption.
 */
export function consumptionByDay(
  rows: Iterable<CreditLedgerRow>,
  ownerId: string | null,
  userId: string | null,
): ConsumptionDay[] {
  const days = new Map<string, Map<string, number>>();
  for (const r of rows) {
    if (!r.jobId || (r.kind !== 'charge' && r.kind !== 'refund')) continue;
    if (ownerId !== null && r.ownerId !== ownerId) continue;
    if (userId !== null && r.userId !== userId) continue;
    const day = r.at.slice(0, 10);
    const users = days.get(day) ?? new Map<string, number>();
    const who = r.userEmail ?? 'unknown';
    users.set(who, (users.get(who) ?? 0) - milli(r.amount));
    days.set(day, users);
  }
  return [...days]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([day, users]) => {
      const byUser = Object.fromEntries([...users].map(([u, m]) => [u, m / 1000]));
      const total = [...users.values()].reduce((s, m) => s + m, 0) / 1000;
      return { day, byUser, total };
    });
}

export function creditsOverview(core: Core): CreditsOverview {
  const now = core.now();
  const account = core.account();
  const me = account.id;
  const org = account.organization;
  const role = org?.role ?? null;
  const state = core.sync.state;
  const jobs = [...state.rows<RenderJobRow>('renderJobs').values()]
    .filter((j) => j.userId === me)
    .sort((a, b) => b.submittedAt.localeCompare(a.submittedAt));
  const ledger = [...state.rows<CreditLedgerRow>('creditLedger').values()];
  const asOf = core.syncStatus().lastSyncAt;
  const credits = org ? myCredits(core, org, now) : null;
  const onPool = role === 'member' || (role === 'guest' && credits?.mode !== 'disabled');
  const lots = onPool ? [] : groupLots(state.rows<CreditLotRow>('creditLots').values(), me, now);
  const total = lots.reduce((m, l) => m + milli(l.quantity), 0) / 1000;
  return {
    role,
    asOf,
    lots,
    total,
    quota:
      onPool && credits ? { mode: credits.mode, limit: credits.limit, used: credits.used } : null,
    available: onPool && credits ? credits.available : total,
    consumption: consumptionByDay(
      ledger,
      role === 'administrator' ? me : null,
      role === 'administrator' ? null : me,
    ),
    jobs,
  };
}
