// Checkouts waiting for a seat, per product in the order they are served (seat protocol `wait`).
import type { SeatProductStatus } from '../../../../src-shared/bridge/calls/seats.ts';
import { formatAge } from '../../../format/time.ts';
import { SeatTable } from './SeatTable.tsx';

export function QueueTable({ products, now }: { products: SeatProductStatus[]; now: number }) {
  const rows = products.flatMap((p) => (p.queue ?? []).map((w) => ({ ...w, name: p.name })));
  return (
    <SeatTable
      title="Queue"
      className="queue-table"
      count={rows.length}
      columns={6}
      head={
        <>
          <th scope="col">Product</th>
          <th scope="col">#</th>
          <th scope="col">User</th>
          <th scope="col">Host</th>
          <th scope="col">Priority</th>
          <th scope="col">Waiting since</th>
        </>
      }
      empty="Nobody is waiting. A render app that asks to wait for a seat when none is free appears here, in the order it will be served."
    >
      {rows.map((w) => (
        <tr key={w.queueId}>
          <td>{w.name}</td>
          <td>{w.position}</td>
          <td>{w.user}</td>
          <td>{w.host}</td>
          <td>{w.priority || '—'}</td>
          <td>{formatAge(w.since, now)}</td>
        </tr>
      ))}
    </SeatTable>
  );
}
