// License server sub-tab: whose seats this machine serves, per product in use / total, the
// chart of seats in use (with denials and queue) over time, every lease with an admin release,
// the queue, and the access rules editor.
import { useEffect } from 'react';
import type { SeatProductStatus } from '../../../../src-shared/bridge/calls/seats.ts';
import { useNow } from '../../../app/useNow.ts';
import { Banner } from '../../../components/Banner.tsx';
import { Button } from '../../../components/Button.tsx';
import { EmptyState } from '../../../components/EmptyState.tsx';
import { formatAge } from '../../../format/time.ts';
import { DongleTable } from './DongleTable.tsx';
import { LeaseTable } from './LeaseTable.tsx';
import { QueueTable } from './QueueTable.tsx';
import { RulesEditor } from './RulesEditor.tsx';
import { SeatChart } from './SeatChart.tsx';
import { ServerIdentity } from './ServerIdentity.tsx';
import { useSeatServer, watchSeatServer } from './seatStore.ts';
import './license-server.css';

const RANGES = [
  { hours: 1, label: '1 hour' },
  { hours: 24, label: '24 hours' },
  { hours: 24 * 7, label: '7 days' },
  { hours: 24 * 30, label: '30 days' },
];
const kindLabel = { entitlement: 'cloud', dongle: 'dongle', borrowed: 'borrowed' } as const;

export function LicenseServerView() {
  const { status, data, history, hours, error, releasing, releaseError } = useSeatServer();
  const now = useNow(30_000);
  useEffect(() => watchSeatServer(), []);

  if (status === 'error' && !data) {
    return (
      <Banner
        tone="error"
        title="The license server could not be reached"
        action={
          <Button size="sm" onClick={() => void useSeatServer.getState().load()}>
            Try again
          </Button>
        }
      >
        {error}
      </Banner>
    );
  }
  if (!data) return <p className="seat-loading">Loading the license server…</p>;

  return (
    <div className="seat-server">
      <ServerIdentity data={data} now={now} />
      {data.alerts?.[0] && (
        <Banner tone="warning" title="Seat alert">
          {data.alerts[0].message} {formatAge(data.alerts[0].at, now)}.
        </Banner>
      )}
      {data.products.length === 0 ? (
        <div className="card">
          <EmptyState icon="server" title="This license server has no seats">
            {data.server.entitlement?.expired ? (
              'Its signed entitlement expired (see above): renew it online or import a new .crt, and the seats come back.'
            ) : (
              <>
                It serves the seats of {data.server.account ?? 'the account it is activated with'}
                {'. '}
                When that account has licenses the server may hand out (for an organization
                administrator: the seats not assigned to users), or a USB dongle is plugged in, they
                appear here.
              </>
            )}
          </EmptyState>
        </div>
      ) : (
        <>
          <section className="card seat-products" aria-label="Seats per product">
            <h2 className="card-title">Seats in use</h2>
            <ul className="seat-bars">
              {data.products.map((p) => (
                <ProductBar key={p.product} p={p} />
              ))}
            </ul>
          </section>
          <section className="card seat-history">
            <div className="seat-history-head">
              <h2 className="card-title">Seats in use, denials and queue over time</h2>
              <div className="seat-ranges" role="group" aria-label="Time range">
                {RANGES.map((r) => (
                  <button
                    key={r.hours}
                    type="button"
                    className={`seat-range${r.hours === hours ? ' is-active' : ''}`}
                    aria-pressed={r.hours === hours}
                    onClick={() => useSeatServer.getState().setHours(r.hours)}
                  >
                    {r.label}
                  </button>
                ))}
              </div>
            </div>
            {history && history.times.length > 0 ? (
              <SeatChart history={history} />
            ) : (
              <p className="card-note">No samples yet: one is taken every minute.</p>
            )}
          </section>
          {releaseError && (
            <Banner tone="error" title="The lease was not released">
              {releaseError}
            </Banner>
          )}
          <LeaseTable
            products={data.products}
            now={now}
            releasing={releasing}
            onRelease={(id) => void useSeatServer.getState().release(id)}
          />
          <QueueTable products={data.products} now={now} />
          <RulesEditor />
        </>
      )}
      <DongleTable />
    </div>
  );
}

function ProductBar({ p }: { p: SeatProductStatus }) {
  const pct = p.total > 0 ? Math.min(100, Math.round((p.inUse / p.total) * 100)) : 0;
  const full = p.inUse >= p.total;
  return (
    <li className="seat-bar-row">
      <div className="seat-bar-label">
        <span className="seat-bar-name">{p.name}</span>
        <span className="seat-bar-code mono">{p.product}</span>
      </div>
      <progress
        className={`seat-bar${full ? ' is-full' : ''}`}
        max={p.total}
        value={p.inUse}
        aria-label={`${p.name}: ${p.inUse} of ${p.total} seats in use`}
      >
        {pct}%
      </progress>
      <div className="seat-bar-count">
        <span>
          <strong>
            {p.inUse} / {p.total}
          </strong>{' '}
          in use
        </span>
        {/* The serials are in the USB dongles table; the title names every source. */}
        <span
          className="seat-bar-sources"
          title={p.sources.map((x) => `${x.total} from ${x.source}`).join(', ')}
        >
          {p.sources.map((x) => `${x.total} ${kindLabel[x.kind]}`).join(' · ')}
        </span>
      </div>
    </li>
  );
}
