// The Organization's Activity tab: the cloud's audit log of admin operations, filterable by user
// and operation, paged with "Load older"; offline it says the log lives in the cloud.
import { useEffect, useMemo, useState } from 'react';
import type { AuditOperation } from '../../../../src-shared/cloud-api/org.ts';
import { Banner } from '../../../components/Banner.tsx';
import { Button } from '../../../components/Button.tsx';
import { EmptyState } from '../../../components/EmptyState.tsx';
import { SkeletonRows } from '../../../components/Skeleton.tsx';
import { useNow } from '../../../app/useNow.ts';
import { formatAge } from '../../../format/time.ts';
import { useSession } from '../../../stores/session.ts';
import '../../../styles/activity.css';
import { ActivityFilters } from './ActivityFilters.tsx';
import { ActivityTable } from './ActivityTable.tsx';
import { useActivityLog, type ActivityFilter } from './useActivityLog.ts';

/** Typing pauses this long before the cloud is asked again. */
const DEBOUNCE_MS = 300;

export function ActivityPanel() {
  const [userText, setUserText] = useState('');
  const [user, setUser] = useState('');
  const [operation, setOperation] = useState<AuditOperation | ''>('');
  useEffect(() => {
    const id = window.setTimeout(() => setUser(userText.trim()), DEBOUNCE_MS);
    return () => window.clearTimeout(id);
  }, [userText]);
  // The query only takes emails' characters: spaces inside would be refused, so they are dropped.
  const filter = useMemo<ActivityFilter>(
    () => ({ user: user.replace(/\s+/g, ''), operation }),
    [user, operation],
  );
  const log = useActivityLog(filter);
  const now = useNow();
  const filtered = filter.user !== '' || filter.operation !== '';

  return (
    <section className="card activity-card" aria-label="Activity">
      <ActivityFilters
        user={userText}
        operation={operation}
        onUser={setUserText}
        onOperation={setOperation}
      />
      <Body log={log} filtered={filtered} now={now} />
    </section>
  );
}

function Body({
  log,
  filtered,
  now,
}: {
  log: ReturnType<typeof useActivityLog>;
  filtered: boolean;
  now: number;
}) {
  const lastSyncAt = useSession((s) => s.session?.sync.lastSyncAt ?? null);
  const s = log.state;
  if (s.kind === 'loading')
    return (
      <div role="status" aria-label="Loading the activity log">
        <table className="table activity-table">
          <tbody>
            <SkeletonRows rows={6} columns={5} />
          </tbody>
        </table>
      </div>
    );
  if (s.kind === 'offline')
    return (
      <div className="activity-state">
        <EmptyState icon="lock" title="Offline">
          <p>{s.message}</p>
          <p className="activity-muted">
            {lastSyncAt
              ? `Last synced ${formatAge(lastSyncAt, now)}. The rest of the Organization view works from that copy.`
              : 'Not synced yet.'}
          </p>
          <Button size="sm" onClick={log.reload}>
            Try again
          </Button>
        </EmptyState>
      </div>
    );
  if (s.kind === 'error')
    return (
      <div className="activity-state">
        <Banner
          tone="error"
          title="The activity log could not be loaded"
          action={
            <Button size="sm" onClick={log.reload}>
              Try again
            </Button>
          }
        >
          {s.message}
        </Banner>
      </div>
    );
  if (s.entries.length === 0)
    return (
      <div className="activity-state">
        <EmptyState
          icon="info"
          title={filtered ? 'No activity matches these filters' : 'No activity yet'}
        >
          {filtered
            ? 'Try part of an email, or another operation.'
            : 'Invitations, removals, product assignments and credit access changes appear here.'}
        </EmptyState>
      </div>
    );
  return (
    <>
      <ActivityTable entries={s.entries} now={now} />
      <footer className="activity-foot">
        <span className="activity-muted" role="status">
          {s.entries.length === 1 ? '1 operation' : `${s.entries.length} operations`}
          {s.nextBefore === null ? ' · the beginning of the log' : ''}
        </span>
        {log.olderError && <span className="activity-error">{log.olderError}</span>}
        {s.nextBefore !== null && (
          <Button size="sm" busy={log.loadingOlder} onClick={log.loadOlder}>
            Load older
          </Button>
        )}
      </footer>
    </>
  );
}
