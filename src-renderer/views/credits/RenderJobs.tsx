// The user's render jobs from the replica (shown offline too): progress read from the app's
// clock between submission and the simulated end, the final cost, and Cancel.
import { messageOf } from '../../stores/errors.ts';
import { useState } from 'react';
import type { RenderJobRow } from '../../../src-shared/cloud-api/sync.ts';
import { progressAt } from '../../../src-shared/credits/rules.ts';
import { useNow } from '../../app/useNow.ts';
import { request } from '../../bridge/index.ts';
import { Button } from '../../components/Button.tsx';
import { formatCredits } from './useCredits.ts';
import { useSyncWhenDue } from './useSyncWhenDue.ts';

function statusText(j: RenderJobRow, progress: number): string {
  if (j.status === 'done') return 'Finished';
  if (j.status === 'cancelled') return 'Cancelled';
  return progress >= 1 ? 'Finishing…' : `Rendering ${Math.floor(progress * 100)} %`;
}

export function RenderJobs({ jobs }: { jobs: RenderJobRow[] }) {
  const now = useNow(1000);
  const [error, setError] = useState<string | null>(null);
  useSyncWhenDue(jobs, now);
  if (jobs.length === 0) return <p className="card-note">No renders yet.</p>;
  const cancel = (id: string) =>
    request('render.cancel', { jobId: id }).then(
      () => setError(null),
      (err: unknown) => setError(messageOf(err)),
    );
  return (
    <>
      {error && <p className="field-error">{error}</p>}
      <table className="table render-jobs">
        <thead>
          <tr>
            <th scope="col">Scene</th>
            <th scope="col">Progress</th>
            <th scope="col" className="num">
              Estimate
            </th>
            <th scope="col" className="num">
              Final cost
            </th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {jobs.map((j) => {
            const p =
              j.status === 'rendering'
                ? progressAt(Date.parse(j.submittedAt), Date.parse(j.endsAt), now)
                : 1;
            return (
              <tr key={j.id} data-testid="render-job">
                <td>{j.scene}</td>
                <td>
                  <progress max={1} value={p} aria-label={`Progress of ${j.scene}`} />{' '}
                  {statusText(j, p)}
                </td>
                <td className="num">{formatCredits(j.estimate)}</td>
                <td className="num" data-testid="render-cost">
                  {j.cost === null ? '—' : formatCredits(j.cost)}
                </td>
                <td>
                  {j.status === 'rendering' && (
                    <Button size="sm" onClick={() => void cancel(j.id)}>
                      Cancel
                    </Button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
