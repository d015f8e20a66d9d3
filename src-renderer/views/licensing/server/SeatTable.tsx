// The License Server view's tables (leases, queue, USB dongles): a card with a counted caption, a header
// row, and a sentence instead of rows when there are none.
import type { ReactNode } from 'react';

interface SeatTableProps {
  title: string;
  className: string;
  count: number;
  /** The header cells, and how many columns they span. */
  head: ReactNode;
  columns: number;
  empty: ReactNode;
  children: ReactNode;
}

export function SeatTable({
  title,
  className,
  count,
  head,
  columns,
  empty,
  children,
}: SeatTableProps) {
  return (
    <section className="card table-card">
      <table className={`table ${className}`}>
        <caption className="table-caption">
          {title}
          <span className="table-caption-count">{count}</span>
        </caption>
        <thead>
          <tr>{head}</tr>
        </thead>
        <tbody>
          {count === 0 ? (
            <tr>
              <td colSpan={columns} className="lease-empty">
                {empty}
              </td>
            </tr>
          ) : (
            children
          )}
        </tbody>
      </table>
    </section>
  );
}
