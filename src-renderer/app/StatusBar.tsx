// The bottom bar: online/offline in words with the data's age, last sync, pending changes and
// the failed-changes panel (issue 18, docs/requirements.md §11). Offline, it says so in a sentence; the cloud's
// address and the technical reason are only in the Details popover.
import * as Popover from '@radix-ui/react-popover';
import { Button } from '../components/Button.tsx';
import { Icon } from '../components/Icon.tsx';
import { useSession } from '../stores/session.ts';
import { UpdateStatus } from './UpdateStatus.tsx';
import { failedProxyOf, proxySentence } from './offline-sentence.ts';
import { FailedChangesButton } from './FailedChangesPanel.tsx';
import { SyncActivity } from './SyncActivity.tsx';
import { useNow } from './useNow.ts';

export const OFFLINE_SENTENCE =
  'Can’t reach the Chaos cloud — your changes will be sent when you’re back';

function OfflineDetails({ reason, cloudUrl }: { reason?: string; cloudUrl: string }) {
  return (
    <Popover.Root modal={false}>
      <Popover.Trigger className="status-details">Details</Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          className="status-popover"
          side="top"
          align="start"
          sideOffset={8}
          role="dialog"
          aria-label="Connection details"
        >
          <h2>Connection details</h2>
          <dl>
            <dt>Chaos cloud</dt>
            <dd className="mono">{cloudUrl}</dd>
            {reason && (
              <>
                <dt>Last error</dt>
                <dd>{reason}</dd>
              </>
            )}
          </dl>
          <p>The app tries again on its own; Sync now tries at once.</p>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}

export function StatusBar() {
  const sync = useSession((s) => s.session?.sync ?? null);
  const demo = useSession((s) => s.session?.demo ?? false);
  const cloudUrl = useSession((s) => s.session?.cloudUrl ?? '');
  const syncRequested = useSession((s) => s.syncRequested);
  const now = useNow();
  if (!sync) return null;

  // No spinner while offline: the app is not busy, it is waiting for the cloud.
  const busy = sync.online && (sync.syncing || syncRequested);
  const proxy = failedProxyOf(sync.message);

  return (
    <footer
      className={`statusbar${sync.online ? '' : ' statusbar-offline'}`}
      aria-label="Sync status"
    >
      <span className="status-item status-connection" role="status">
        <span className={`status-dot ${sync.online ? 'dot-online' : 'dot-offline'}`} />
        {sync.online ? (
          <span>Online</span>
        ) : (
          <>
            <strong>Offline</strong>
            <span className="status-reason">{proxy ? proxySentence(proxy) : OFFLINE_SENTENCE}</span>
          </>
        )}
      </span>
      {!sync.online && (
        <OfflineDetails cloudUrl={cloudUrl} {...(sync.message ? { reason: sync.message } : {})} />
      )}

      <SyncActivity sync={sync} busy={busy} now={now} />

      <span className="status-spacer" />

      <UpdateStatus />

      {sync.pending > 0 && (
        <span className="status-item status-pending">
          {sync.pending} pending {sync.pending === 1 ? 'change' : 'changes'}
        </span>
      )}
      {sync.failed.length > 0 && <FailedChangesButton failed={sync.failed} />}
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
