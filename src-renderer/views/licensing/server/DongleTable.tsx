// The USB dongles attached to this machine (docs/requirements.md §8): serial, state, the seats each adds to the
// pool, and for a refused one the check that failed.
import { useEffect } from 'react';
import type { DongleList, DongleView } from '../../../../src-shared/bridge/calls/dongles.ts';
import { formatDate } from '../../../format/time.ts';
import { SeatTable } from './SeatTable.tsx';
import { useDongles, watchDongles } from './dongleStore.ts';

export function DongleTable() {
  const { list, error } = useDongles();
  useEffect(() => watchDongles(), []);
  const dongles = list?.dongles ?? [];
  return (
    <SeatTable
      title="USB dongles"
      count={dongles.length}
      className="dongle-table"
      columns={4}
      head={
        <>
          <th scope="col">Serial</th>
          <th scope="col">State</th>
          <th scope="col">Seats added</th>
          <th scope="col">Licenses</th>
        </>
      }
      empty={error ?? (list ? emptyText(list) : 'Looking for USB dongles…')}
    >
      {dongles.map((d) => (
        <DongleRow key={d.id} d={d} />
      ))}
    </SeatTable>
  );
}

function emptyText(list: DongleList): string {
  const off = list.transports.find((t) => !t.available);
  if (off) return off.message ?? 'USB dongles cannot be read on this machine.';
  return 'No USB dongle attached. Plug in a license dongle: its seats join the pool within seconds, once it is verified.';
}

const stateLabel = { checking: 'Checking…', verified: 'Verified', refused: 'Refused' } as const;

function DongleRow({ d }: { d: DongleView }) {
  return (
    <tr className={`dongle-${d.state}`}>
      <td>
        <span className="cell-primary mono">{d.serial ?? 'Unknown serial'}</span>
        <span className="cell-secondary">
          {d.transport === 'emulator' ? 'Software dongle (emulator)' : 'USB'}
          {d.firmware && ` · firmware ${d.firmware}`}
        </span>
      </td>
      <td>
        <span className={`badge dongle-state-${d.state}`}>{stateLabel[d.state]}</span>
        {d.reason && <p className="dongle-reason">{d.reason.message}</p>}
      </td>
      <td>{d.state === 'verified' ? d.seats : '—'}</td>
      <td>
        {d.licenses.length === 0
          ? '—'
          : d.licenses.map((l) => (
              <span key={l.product} className="dongle-license">
                {l.seats} × {l.name}
              </span>
            ))}
        {d.expiresAt && <span className="cell-secondary">until {formatDate(d.expiresAt)}</span>}
      </td>
    </tr>
  );
}
