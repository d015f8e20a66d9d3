// The status bar's sync item: "Syncing…", with the rows of a long first sync as they arrive
// ("Syncing… 12,000 of 40,000 rows", docs/architecture.md "Initial sync"), else the last sync.
import type { SyncStatus } from '../../src-shared/domain/session.ts';
import { Spinner } from '../components/Spinner.tsx';
import { formatCount } from '../format/number.ts';
import { formatAge, formatDateTime } from '../format/time.ts';

/** What the bar says while a paged pull is under way: the rows written so far, of the total. */
export function syncProgressText(p: NonNullable<SyncStatus['progress']>): string {
  const done = formatCount(p.applied);
  return p.total !== undefined
    ? `Syncing… ${done} of ${formatCount(p.total)} rows`
    : `Syncing… ${done} rows`;
}

export function SyncActivity({
  sync,
  busy,
  now,
}: {
  sync: SyncStatus;
  busy: boolean;
  now: number;
}) {
  if (busy)
    return (
      <span className="status-item">
        <Spinner size={12} label="Syncing" />{' '}
        {sync.progress ? (
          <span title={`${formatCount(sync.progress.received)} rows received`}>
            {syncProgressText(sync.progress)}
          </span>
        ) : (
          'Syncing…'
        )}
      </span>
    );
  return (
    <span className="status-item">
      {sync.lastSyncAt ? (
        <span title={formatDateTime(sync.lastSyncAt)}>
          Last sync {formatAge(sync.lastSyncAt, now)}
        </span>
      ) : (
        <span>Not synced yet</span>
      )}
    </span>
  );
}
