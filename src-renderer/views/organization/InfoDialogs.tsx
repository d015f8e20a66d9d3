// The Credits tile's dialog: the organizational pool's balance.
import { Button } from '../../components/Button.tsx';
import { formatDateTime } from '../../format/time.ts';
import { useOrg } from '../../stores/org.ts';
import { useSession } from '../../stores/session.ts';
import { formatCredits } from './DashboardTiles.tsx';
import { Dialog } from './Dialog.tsx';

export function CreditsDialog({ onClose }: { onClose: () => void }) {
  const pool = useOrg((s) => s.poolBalance);
  const at = useSession((s) => s.session?.sync.lastSyncAt ?? null);
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
      <p className="org-muted">{at ? `as of ${formatDateTime(at)}` : 'not synced yet'}</p>
      <p className="org-balance">
        <span className="org-tile-value">{formatCredits(pool)}</span> credits in the organizational
        pool
      </p>
      <p className="org-muted">
        The pool is the sum of the administrator’s credit purchases that have not expired. Quotas
        set per user are not reserved from it.
      </p>
    </Dialog>
  );
}
