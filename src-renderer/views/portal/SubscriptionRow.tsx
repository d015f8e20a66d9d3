// One active subscription: product and where it comes from, seats, dates, auto-renewal, payment,
// and its actions (Add seats, Upgrade, Copy license key, Download).
import type { SubscriptionView } from '../../../src-shared/cloud-api/billing.ts';
import { href } from '../../app/route.ts';
import { Button } from '../../components/Button.tsx';
import { CopyButton } from '../../components/CopyButton.tsx';
import { formatDate } from '../../format/time.ts';
import { AutoRenewControl } from './AutoRenewControl.tsx';

interface Props {
  sub: SubscriptionView;
  onChanged: () => void;
  onSeats: (kind: 'seats' | 'upgrade') => void;
}

export function SubscriptionRow({ sub, onChanged, onSeats }: Props) {
  const canChange = sub.unitCents !== null;
  return (
    <tr data-subscription={sub.id}>
      <td>
        <span className="cell-primary">{sub.productName}</span>
        <span className="cell-secondary">
          {sub.term} · {sub.family}
        </span>
        <span className={`badge source-${sub.source}`}>
          {sub.source === 'personal' ? 'Personal' : 'Organization'}
        </span>
      </td>
      <td className="num">{sub.quantity}</td>
      <td>
        <span className="cell-primary">{sub.expiresAt ? formatDate(sub.expiresAt) : 'Never'}</span>
        <span className="cell-secondary">Activated {formatDate(sub.activatedAt)}</span>
      </td>
      <td>
        <AutoRenewControl sub={sub} onChanged={onChanged} />
      </td>
      <td>{sub.payment}</td>
      <td>
        <div className="portal-actions">
          {canChange && (
            <Button size="sm" onClick={() => onSeats('seats')}>
              + Add seats
            </Button>
          )}
          {sub.upgradeTo && (
            <Button size="sm" onClick={() => onSeats('upgrade')}>
              Upgrade
            </Button>
          )}
          {sub.licenseKey && <CopyButton value={sub.licenseKey} label="Copy license key" />}
          <a className="btn btn-quiet btn-sm" href={href('products', 'downloads')}>
            Download
          </a>
        </div>
      </td>
    </tr>
  );
}
