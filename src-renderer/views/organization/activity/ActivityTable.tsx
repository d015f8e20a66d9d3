// The Activity tab's table: time, who, operation, target and outcome of each logged operation.
import type { ReactNode } from 'react';
import type { ActivityEntry, ActivityOutcome } from '../../../../src-shared/domain/activity.ts';
import { formatAge, formatDateTime } from '../../../format/time.ts';

const OUTCOME: Record<ActivityOutcome, { label: string; className: string }> = {
  accepted: { label: 'Accepted', className: 'activity-outcome-accepted' },
  rejected: { label: 'Rejected', className: 'activity-outcome-rejected' },
  partial: { label: 'Partial', className: 'activity-outcome-partial' },
};

/** Long emails may break after their @ rather than anywhere in a word. */
function breakAfterAt(text: string): ReactNode[] {
  return text.split('@').flatMap((part, i) => (i === 0 ? [part] : ['@', <wbr key={i} />, part]));
}

export function ActivityTable({ entries, now }: { entries: ActivityEntry[]; now: number }) {
  return (
    <table className="table activity-table">
      <caption className="visually-hidden">Organization activity, newest first</caption>
      <thead>
        <tr>
          <th scope="col" className="activity-col-time">
            Time
          </th>
          <th scope="col" className="activity-col-who">
            Who
          </th>
          <th scope="col" className="activity-col-op">
            Operation
          </th>
          <th scope="col">Target</th>
          <th scope="col" className="activity-col-outcome">
            Outcome
          </th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <ActivityRow key={e.id} entry={e} now={now} />
        ))}
      </tbody>
    </table>
  );
}

function ActivityRow({ entry: e, now }: { entry: ActivityEntry; now: number }) {
  const outcome = OUTCOME[e.outcome];
  return (
    <tr data-activity={e.id} data-operation={e.operation}>
      <td>
        <time className="cell-primary" dateTime={e.at}>
          {formatDateTime(e.at)}
        </time>
        <span className="cell-secondary">{formatAge(e.at, now)}</span>
      </td>
      <td>
        <span className="cell-primary activity-ellipsis" title={e.actorEmail}>
          {e.actorName ?? e.actorEmail}
        </span>
        {e.actorName && (
          <span className="cell-secondary activity-ellipsis" title={e.actorEmail}>
            {e.actorEmail}
          </span>
        )}
      </td>
      <td>
        <span className="cell-primary">{e.operationLabel}</span>
      </td>
      <td>
        <span className="cell-primary activity-target" title={e.target}>
          {breakAfterAt(e.target)}
        </span>
        {e.detail && <span className="cell-secondary">{e.detail}</span>}
      </td>
      <td>
        <span className={`badge ${outcome.className}`}>{outcome.label}</span>
        {e.reason && <span className="cell-secondary activity-reason">{e.reason}</span>}
      </td>
    </tr>
  );
}
