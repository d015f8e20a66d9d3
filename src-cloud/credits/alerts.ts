// The administrator's low-pool alert (issue 19): told once when the pool falls below the
// threshold they set, and again only after it has risen back above it.
import * as notices from '../../src-shared/credits/notices.ts';
import { fromMilli, liveBalanceMilli } from '../../src-shared/credits/rules.ts';
import type { Notes } from '../org/notify.ts';
import { lotsOf } from './ledger.ts';
import type { CreditTx } from './tables.ts';

export async function checkPoolAlert(
  r: { tx: CreditTx; now: string; notes: Notes },
  administratorId: string,
): Promise<void> {
  const row = await r.tx
    .selectFrom('credit_alerts as x')
    .innerJoin('organizations as o', 'o.id', 'x.organization_id')
    .innerJoin('accounts as a', 'a.id', 'o.administrator_id')
    .select(['x.organization_id', 'x.threshold_milli', 'x.below', 'o.name', 'a.email'])
    .where('o.administrator_id', '=', administratorId)
    .executeTakeFirst();
  if (!row) return;
  const pool = liveBalanceMilli(await lotsOf(r.tx, administratorId), r.now);
  const below = pool < row.threshold_milli ? 1 : 0;
  if (below === row.below) return;
  await r.tx
    .updateTable('credit_alerts')
    .set({ below })
    .where('organization_id', '=', row.organization_id)
    .execute();
  if (below)
    r.notes.add(
      { accountId: administratorId, email: row.email },
      notices.creditsLow({
        organization: row.name,
        balance: fromMilli(pool),
        threshold: fromMilli(row.threshold_milli),
      }),
    );
}
