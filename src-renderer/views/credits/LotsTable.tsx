// The pool's lots as the Portal guide §XXVIII (docs/sources.md) lays them out: by expiration date,
// "No expiration date" last, and the Total, three decimals in the reader's locale. Shared by the
// Credits tile's dialog and Products → Cloud credits.
import type { LotLine } from '../../../src-shared/domain/credits.ts';
import { SkeletonRows } from '../../components/Skeleton.tsx';
import { formatLotDate, formatLotQuantity } from './lotFormat.ts';

interface LotsTableProps {
  lots: LotLine[] | null;
  total: number | null;
  className: string;
  empty: string;
}

export function LotsTable({ lots, total, className, empty }: LotsTableProps) {
  return (
    <table className={`table ${className}`}>
      <caption className="visually-hidden">Cloud credits by expiration date</caption>
      <thead>
        <tr>
          <th scope="col">Expiration date</th>
          <th scope="col" className="num">
            Quantity
          </th>
        </tr>
      </thead>
      <tbody>
        {lots === null ? (
          <SkeletonRows rows={3} columns={2} />
        ) : lots.length === 0 ? (
          <tr>
            <td colSpan={2} className="org-muted">
              {empty}
            </td>
          </tr>
        ) : (
          lots.map((l) => (
            <tr key={l.expiresAt ?? 'none'}>
              <td>{l.expiresAt ? formatLotDate(l.expiresAt) : 'No expiration date'}</td>
              <td className="num">{formatLotQuantity(l.quantity)}</td>
            </tr>
          ))
        )}
      </tbody>
      {total !== null && (
        <tfoot>
          <tr>
            <th scope="row">Total</th>
            <td className="num" data-testid="credits-total">
              {formatLotQuantity(total)}
            </td>
          </tr>
        </tfoot>
      )}
    </table>
  );
}
