// Checkouts waiting for a seat, per product in the order they are served (seat protocol `wait`).
import type { SeatProductStatus } from '../../../../src-shared/bridge/calls/seats.ts';
import { formatAge } from '../../../format/time.ts';

export function QueueTable({ products, now }: { products: SeatProductStatus[]; now: number }) {
  const rows = products.flatMap((p) => (p.queue ?? []).map((w) => ({ ...w, name: p.name })));
  return (
    <section className="card table-card">
      <table className="table queue-table">
        <caption className="table-caption">
          Queue
          <span className="table-caption-count">{rows.length}</span>
        </caption>
        <thead>
          <tr>
            <th scope="col">Product</th>
            <th scope="col">#</th>
            <th scope="col">User</th>
            <th scope="col">Host</th>
            <th scope="col">Priority</th>
            <th scope="col">Waiting since</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={6} className="lease-empty">
                Nobody is waiting. A render app that asks to wait for a seat when none is free
                appears here, in the order it will be served.
              </td>
            </tr>
          ) : (
            rows.map((w) => (
              <tr key={w.queueId}>
                <td>{w.name}</td>
                <td>{w.position}</td>
                <td>{w.user}</td>
                <td>{w.host}</td>
                <td>{w.priority || '—'}</td>
                <td>{formatAge(w.since, now)}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </section>
  );
}
