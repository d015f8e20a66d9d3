// The Credits tile's dialog: the organizational pool as seed 000 §XXVIII shows it — lots by
// expiration date, then "No expiration date", the Total, and the time of the figures.
import { useEffect, useState } from 'react';
import type { CreditLotsView } from '../../../src-shared/domain/activity.ts';
import { Banner } from '../../components/Banner.tsx';
import { Button } from '../../components/Button.tsx';
import { SkeletonRows } from '../../components/Skeleton.tsx';
import { bridge, request } from '../../bridge/index.ts';
import { messageOf } from '../../stores/errors.ts';
import '../../styles/activity.css';
import { Dialog } from './Dialog.tsx';
import { formatAsOf, formatLotDate } from '../../format/portal-dates.ts';

/** Credits always with three decimals, as the seed prints them: 20.000, 99.977. */
export function formatLotQuantity(v: number): string {
  return v.toLocaleString('en-US', { minimumFractionDigits: 3, maximumFractionDigits: 3 });
}

type Lots =
  { kind: 'loading' } | { kind: 'error'; message: string } | ({ kind: 'ready' } & CreditLotsView);

export function CreditsDialog({ onClose }: { onClose: () => void }) {
  const [lots, setLots] = useState<Lots>({ kind: 'loading' });
  useEffect(() => {
    let live = true;
    const load = () =>
      request('org.creditLots', {}).then(
        (v) => live && setLots({ kind: 'ready', ...v }),
        (err: unknown) => live && setLots({ kind: 'error', message: messageOf(err) }),
      );
    void load();
    // A sync that brings new lots (or spends some) updates the open dialog.
    const off = bridge.on('data.changed', () => void load());
    return () => {
      live = false;
      off();
    };
  }, []);
  return (
    <Dialog
      title="Cloud credits"
      onClose={onClose}
      footer={
        <Button variant="primary" onClick={onClose}>
          Close
        </Button>
      }
    >
      {lots.kind === 'error' ? (
        <Banner tone="error" title="The credit pool could not be read">
          {lots.message}
        </Banner>
      ) : (
        <>
          <p className="org-muted credits-asof">
            {lots.kind === 'loading'
              ? ' '
              : lots.asOf
                ? `as of ${formatAsOf(lots.asOf)}`
                : 'not synced yet'}
          </p>
          <table className="table credits-table">
            <caption className="visually-hidden">
              Organizational credit pool by expiration date
            </caption>
            <thead>
              <tr>
                <th scope="col">Expiration date</th>
                <th scope="col" className="num">
                  Quantity
                </th>
              </tr>
            </thead>
            <tbody>
              {lots.kind === 'loading' ? (
                <SkeletonRows rows={3} columns={2} />
              ) : lots.lots.length === 0 ? (
                <tr>
                  <td colSpan={2} className="org-muted">
                    The pool is empty: no credits left that have not expired.
                  </td>
                </tr>
              ) : (
                lots.lots.map((l) => (
                  <tr key={l.expiresAt ?? 'none'}>
                    <td>{l.expiresAt ? formatLotDate(l.expiresAt) : 'No expiration date'}</td>
                    <td className="num">{formatLotQuantity(l.quantity)}</td>
                  </tr>
                ))
              )}
            </tbody>
            {lots.kind === 'ready' && (
              <tfoot>
                <tr>
                  <th scope="row">Total</th>
                  <td className="num">{formatLotQuantity(lots.total)}</td>
                </tr>
              </tfoot>
            )}
          </table>
          <p className="org-muted">
            Credits are consumed earliest-expiring first. Quotas set per user are caps, not
            reservations from the pool.
          </p>
        </>
      )}
    </Dialog>
  );
}
