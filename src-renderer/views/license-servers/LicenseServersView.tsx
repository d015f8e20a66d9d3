// Licensing → License Servers: every server the account's licenses are active on (online and
// offline-activated) with last contact, seats per product and validity left; Activate Workstation.
import { useEffect } from 'react';
import { timeLeft } from '../../../src-shared/activation/countdown.ts';
import { useNow } from '../../app/useNow.ts';
import { Banner } from '../../components/Banner.tsx';
import { Button } from '../../components/Button.tsx';
import { formatAge } from '../../format/time.ts';
import { ActivateWorkstation } from './ActivateWorkstation.tsx';
import { MoveSeats } from './MoveSeats.tsx';
import { useLicenseServers } from './licenseServersStore.ts';
import './license-servers.css';

export function LicenseServersView() {
  const { rows, loading, error, load, downloadCrt } = useLicenseServers();
  const now = useNow(30_000);
  useEffect(() => void useLicenseServers.getState().load(), []);
  return (
    <div className="license-servers">
      {error && (
        <Banner
          tone="error"
          title="The license servers could not be loaded"
          action={
            <Button size="sm" onClick={() => void load()}>
              Try again
            </Button>
          }
        >
          {error}
        </Banner>
      )}
      <section className="card table-card">
        <table className="table" aria-busy={loading || undefined}>
          <caption className="table-caption">License servers</caption>
          <thead>
            <tr>
              <th>Server</th>
              <th>Activation</th>
              <th>Last contact</th>
              <th>Seats per product</th>
              <th>Valid for</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows?.length === 0 && (
              <tr>
                <td colSpan={6}>No license server is activated with this account yet.</td>
              </tr>
            )}
            {rows?.map((r) => (
              <tr key={r.id}>
                <td>
                  <strong>{r.name}</strong>
                  <div className="mono license-servers-fp">{r.fingerprint}</div>
                </td>
                <td>{r.mode === 'offline' ? 'Offline (.crt)' : 'Online'}</td>
                <td>{formatAge(r.lastContactAt, now)}</td>
                <td>
                  {r.seats.length ? (
                    <ul className="license-servers-seats">
                      {r.seats.map((s) => (
                        <li key={s.product}>
                          {s.total} × {s.name}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    'No seats: they stay with the first server until moved (Move seats below)'
                  )}
                </td>
                <td>{r.validUntil ? timeLeft(r.validUntil, now) : '—'}</td>
                <td>
                  {r.mode === 'offline' && (
                    <Button size="sm" onClick={() => void downloadCrt(r)}>
                      Download .crt File
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {rows && rows.length > 1 && <MoveSeats rows={rows} />}
      <ActivateWorkstation />
    </div>
  );
}
