// The Credits tile's dialog: the organizational pool as the Portal guide §XXVIII (docs/sources.md)
// shows it — lots by expiration date, then "No expiration date", the Total, and the time of the
// figures.
import { useEffect, useState } from 'react';
import type { CreditLotsView } from '../../../src-shared/domain/activity.ts';
import { Banner } from '../../components/Banner.tsx';
import { Button } from '../../components/Button.tsx';
import { bridge, request } from '../../bridge/index.ts';
import { messageOf } from '../../stores/errors.ts';
import '../../styles/activity.css';
import { LotsTable } from '../credits/LotsTable.tsx';
import { formatAsOf } from '../credits/lotFormat.ts';
import { Dialog } from './Dialog.tsx';

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
          <LotsTable
            lots={lots.kind === 'ready' ? lots.lots : null}
            total={lots.kind === 'ready' ? lots.total : null}
            className="credits-table"
            empty="The pool is empty: no credits left that have not expired."
          />
          <p className="org-muted">
            Credits are consumed earliest-expiring first. Quotas set per user are caps, not
            reservations from the pool.
          </p>
        </>
      )}
    </Dialog>
  );
}
