// Enable or disable auto-renewal (docs/sources.md, Account management "Enable or Disable
// Auto-Renewal"): outside the window the control is disabled and says why, so nobody has to guess.
import { useId, useState } from 'react';
import type { SubscriptionView } from '../../../src-shared/cloud-api/billing.ts';
import { Button } from '../../components/Button.tsx';
import { request } from '../../bridge/index.ts';
import { errorText } from './useCloudData.ts';

export function AutoRenewControl({
  sub,
  onChanged,
}: {
  sub: SubscriptionView;
  onChanged: () => void;
}) {
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (sub.unitCents === null) return <span className="cell-secondary">Does not renew</span>;
  const flip = async () => {
    setBusy(true);
    setError(null);
    try {
      await request('portal.setAutoRenew', { purchaseId: sub.id, autoRenew: !sub.autoRenew });
      onChanged();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  const why = error ?? (sub.autoRenewChange.allowed ? null : sub.autoRenewChange.reason);
  return (
    <div className="portal-renew">
      <span className={`badge ${sub.autoRenew ? 'badge-ok' : 'badge-off'}`}>
        Auto-renew {sub.autoRenew ? 'on' : 'off'}
      </span>
      <Button
        size="sm"
        variant="quiet"
        busy={busy}
        disabled={!sub.autoRenewChange.allowed}
        aria-describedby={why ? id : undefined}
        onClick={() => void flip()}
      >
        {sub.autoRenew ? 'Disable auto-renewal' : 'Enable auto-renewal'}
      </Button>
      {why && (
        <span id={id} className={error ? 'field-error' : 'cell-secondary'}>
          {why}
        </span>
      )}
    </div>
  );
}
