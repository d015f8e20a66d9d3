// "Cloud credits as of …" (docs/sources.md, Portal guide §XXVIII): lots by expiration date, "No
// expiration date" last, and the Total, three decimals in the reader's locale.
import type { CreditsOverview } from '../../../src-shared/domain/credits.ts';
import { LotsTable } from './LotsTable.tsx';
import { formatAsOf } from './lotFormat.ts';

export function BalanceTable({ overview }: { overview: CreditsOverview }) {
  return (
    <section className="card credits-balance" aria-labelledby="credits-balance-title">
      <h2 id="credits-balance-title" className="card-title">
        Cloud credits as of{' '}
        {overview.asOf ? formatAsOf(overview.asOf) : 'the last sync (never synced yet)'}
      </h2>
      <LotsTable
        lots={overview.lots}
        total={overview.total}
        className="credits-lots"
        empty="There are no credits left: every lot is used or expired."
      />
      <p className="card-note">Credits are consumed earliest-expiring first.</p>
    </section>
  );
}
