// Every lease the server holds: who, where, since when, last heartbeat, with an admin release.
import { useState } from 'react';
import type { SeatProductStatus } from '../../../../src-shared/bridge/calls/seats.ts';
import { Button } from '../../../components/Button.tsx';
import { formatAge, formatDateTime } from '../../../format/time.ts';
import { SeatTable } from './SeatTable.tsx';

interface LeaseTableProps {
  products: SeatProductStatus[];
  now: number;
  releasing: string[];
  onRelease: (leaseId: string) => void;
}

export function LeaseTable({ products, now, releasing, onRelease }: LeaseTableProps) {
  const rows = products.flatMap((p) => p.leases.map((l) => ({ ...l, name: p.name })));
  const [asking, setAsking] = useState<string | null>(null);
  return (
    <SeatTable
      title="Leases"
      className="lease-table"
      count={rows.length}
      columns={6}
      head={
        <>
          <th scope="col">Product</th>
          <th scope="col">User</th>
          <th scope="col">Host</th>
          <th scope="col">Since</th>
          <th scope="col">Last heartbeat</th>
          <th scope="col" className="lease-action-col">
            <span className="visually-hidden">Action</span>
          </th>
        </>
      }
      empty="No seat is in use. Render apps take seats with the seat protocol; they appear here."
    >
      {rows.map((l) => (
        <tr key={l.leaseId}>
          <td>
            <span className="cell-primary">{l.name}</span>
            <span className="cell-secondary mono" title={l.leaseId}>
              {l.leaseId.slice(0, 8)}
            </span>
          </td>
          <td>{l.user}</td>
          <td className="mono">{l.host}</td>
          <td>{formatDateTime(l.since)}</td>
          <td>{formatAge(l.lastHeartbeat, now)}</td>
          <td className="lease-action-col">
            {asking === l.leaseId ? (
              // Releasing drops a seat in use: asked first (issue 18).
              <span className="lease-confirm" role="group" aria-label={`Release ${l.user}'s seat?`}>
                <Button
                  size="sm"
                  className="btn-danger"
                  autoFocus
                  onClick={() => {
                    setAsking(null);
                    onRelease(l.leaseId);
                  }}
                >
                  Release seat
                </Button>
                <Button size="sm" variant="quiet" onClick={() => setAsking(null)}>
                  Keep
                </Button>
              </span>
            ) : (
              <Button
                size="sm"
                busy={releasing.includes(l.leaseId)}
                onClick={() => setAsking(l.leaseId)}
                aria-label={`Release the lease of ${l.user} on ${l.host}`}
              >
                Release
              </Button>
            )}
          </td>
        </tr>
      ))}
    </SeatTable>
  );
}
