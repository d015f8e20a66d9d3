// The USB dongles attached to this machine (SPEC §8): serial, state, the seats each adds to the
// pool, and for a refused one the check that failed.
import { useEffect } from 'react';
import type { DongleList, DongleView } from '../../../../src-shared/bridge/calls/dongles.ts';
import { formatDate } from '../../../format/time.ts';
import { CardTable } from './CardTable.tsx';
import { useDongles, watchDongles } from './dongleStore.ts';

export function DongleTable() {
  const { list, error } = useDongles();
  useEffect(() => watchDongles(), []);
  const dongles = list?.dongles ?? [];
  return (
    <CardTable
      caption="USB dongles"
      count={dongles.length}
      className="dongle-table"
      columns={[
        { label: 'Serial' },
        { label: 'State' },
        { label: 'Seats added' },
        { label: 'Licenses' },
      ]}
    >
      {dongles.length === 0 ? (
        <tr>
          <td colSpan={4} className="lease-empty">
            {error ?? (list ? emptyText(list) : 'Looking for USB dongles…')}
          </td>
        </tr>
      ) : (
        dongles.map((d) => <DongleRow key={d.id} d={d} />)
      )}
    </CardTable>
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
