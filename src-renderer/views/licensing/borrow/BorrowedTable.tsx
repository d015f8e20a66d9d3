// The seats this machine borrowed: product, until, days left and Return ("release for online use").
import type { BorrowView } from '../../../../src-shared/bridge/calls/borrow.ts';
import { Button } from '../../../components/Button.tsx';
import { formatDateTime } from '../../../format/time.ts';

interface Props {
  rows: BorrowView[];
  busy: string | null;
  onReturn: (product: string) => void;
}

export function BorrowedTable({ rows, busy, onReturn }: Props) {
  return (
    <table className="table">
      <caption className="visually-hidden">Borrowed seats</caption>
      <thead>
        <tr>
          <th scope="col">Product</th>
          <th scope="col">Borrowed until</th>
          <th scope="col">Days left</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((b) => (
          <tr key={b.id}>
            <td>
              {b.name}
              {b.quantity > 1 ? ` × ${b.quantity}` : ''}
            </td>
            <td>{formatDateTime(b.until)}</td>
            <td className={b.daysLeft <= 3 ? 'borrow-soon' : undefined}>
              {b.daysLeft} {b.daysLeft === 1 ? 'day' : 'days'} left
            </td>
            <td className="cell-actions">
              <Button
                size="sm"
                disabled={busy !== null}
                title="Release for online use: the seat goes back to your license servers"
                onClick={() => onReturn(b.product)}
              >
                {busy === b.product ? 'Returning…' : 'Return'}
              </Button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
