// A table in a card with a counted caption and column headers: the lease and dongle tables.
import type { ReactNode } from 'react';

interface CardTableProps {
  caption: string;
  count: number;
  className: string;
  /** Column headers; an empty string is a column without a visible header. */
  columns: { label: string; className?: string }[];
  children: ReactNode;
}

export function CardTable({ caption, count, className, columns, children }: CardTableProps) {
  return (
    <section className="card table-card">
      <table className={`table ${className}`}>
        <caption className="table-caption">
          {caption}
          <span className="table-caption-count">{count}</span>
        </caption>
        <thead>
          <tr>
            {columns.map((c, i) => (
              <th key={i} scope="col" className={c.className}>
                {c.label || <span className="visually-hidden">Action</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </section>
  );
}
