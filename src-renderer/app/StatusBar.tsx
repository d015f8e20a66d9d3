// The bottom bar: online/offline with the data's age, last sync, pending and failed changes.
import { Button } from '../components/Button.tsx';
import { Icon } from '../components/Icon.tsx';
import { Spinner } from '../components/Spinner.tsx';
import { formatAge, formatDateTime } from '../format/time.ts';
import { useSession } from '../stores/session.ts';
import { UpdateStatus } from './UpdateStatus.tsx';
import { useNow } from './useNow.ts';

export function StatusBar() {
  const sync = useSession((s) => s.session?.sync ?? null);
  const demo = useSession((s) => s.session?.demo ?? false);
  const syncRequested = useSession((s) => s.syncRequested);
  const now = useNow();
  if (!sync) return null;

  const age = sync.lastSyncAt ? formatAge(sync.lastSyncAt, now) : null;
  const failed = sync.failed.length;
  const busy = sync.syncing || syncRequested;

  return (
    <footer
      className={`statusbar${sync.online ? '' : ' statusbar-offline'}`}
      aria-label="Sync status"
    >
      <span className="status-item status-connection" role="status" title={sync.message}>
        <span className={`status-dot ${sync.online ? 'dot-online' : 'dot-offline'}`} />
        {sync.online ? (
          <span>Online</span>
        ) : (
          <strong>Offline — {age ? `data from ${age}` : 'no data synced yet'}</strong>
        )}
        {!sync.online && sync.message && <span className="status-reason">{sync.message}</span>}
      </span>

      <span className="status-item">
        {busy ? (
          <>
            <Spinner size={12} label="Syncing" /> Syncing…
          </>
        ) : sync.lastSyncAt ? (
          // Offline, the age is already in the connection item: give the exact time instead.
          <span title={formatDateTime(sync.lastSyncAt)}>
            Last sync {sync.online ? age : formatDateTime(sync.lastSyncAt)}
          </span>
        ) : (
          <span>Not synced yet</span>
        )}
      </span>

      <span className="status-spacer" />

      <UpdateStatus />

      {sync.pending > 0 && (
        <span className="status-item status-pending">
          {sync.pending} pending {sync.pending === 1 ? 'change' : 'changes'}
        </span>
      )}
      {failed > 0 && (
        <span className="status-item status-failed">
          <Icon name="alert" size={14} /> {failed} failed {failed === 1 ? 'change' : 'changes'}
        </span>
      )}
      {demo && <span className="status-item status-muted">Demo cloud</span>}
      <Button
        variant="quiet"
        size="sm"
        className="status-sync"
        onClick={() => void useSession.getState().syncNow()}
        disabled={busy}
      >
        <Icon name="refresh" size={14} /> Sync now
      </Button>
    </footer>
  );
}
