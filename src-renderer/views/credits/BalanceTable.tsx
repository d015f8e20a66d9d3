// "Cloud credits as of …" (seed 000 §XXVIII): lots by expiration date, "No expiration date" last,
// and the Total, three decimals in the reader's locale.
import type { CreditsOverview } from '../../../src-shared/domain/credits.ts';
import { formatDate, formatDateTime } from '../../format/time.ts';
import { formatCredits } from './useCredits.ts';

export function BalanceTable({ overview }: { overview: CreditsOverview }) {
  return (
    <section className="card credits-balance" aria-labelledby="credits-balance-title">
      <h2 id="credits-balance-title" className="card-title">
        Cloud credits as of{' '}
        {overview.asOf ? formatDateTime(overview.asOf) : 'the last sync (never synced yet)'}
      </h2>
      {overview.lots.length === 0 ? (
        <p className="card-note">There are no credits left: every lot is used or expired.</p>
      ) : (
        <table className="table credits-lots">
          <thead>
            <tr>
              <th scope="col">Expiration date</th>
              <th scope="col" className="num">
                Quantity
              </th>
            </tr>
          </thead>
          <tbody>
            {overview.lots.map((l) => (
              <tr key={l.expiresAt ?? 'none'}>
                <td>{l.expiresAt ? formatDate(l.expiresAt) : 'No expiration date'}</td>
                <td className="num">{formatCredits(l.quantity)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Total</th>
              <td className="num" data-testid="credits-total">
                {formatCredits(overview.total)}
              </td>
            </tr>
          </tfoot>
        </table>
      )}
    </section>
  );
}
