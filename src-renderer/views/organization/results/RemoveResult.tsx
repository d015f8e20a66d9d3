// The removal's result (docs/sources.md, Portal guide §VIII): waiting for the cloud while it has
// not answered, then "Not all users have been removed" with the failed removals (the pre-check's
// and the cloud's), the reason per user and a Download CSV of them. Its state lives in
// useRemoveResult.
import type { OrgUserRow } from '../../../../src-shared/domain/org.ts';
import * as msg from '../../../../src-shared/org/messages.ts';
import { Banner } from '../../../components/Banner.tsx';
import { Button } from '../../../components/Button.tsx';
import { downloadCsv } from '../../../csv/download.ts';
import { roleLabel } from '../../../format/account.ts';
import { Dialog } from '../Dialog.tsx';
import { CloudWait } from './CloudWait.tsx';
import { useRemoveResult, type RemoveResultState, type SentRemoval } from './useRemoveResult.ts';

export type { SentRemoval } from './useRemoveResult.ts';

interface RemoveResultProps {
  users: readonly OrgUserRow[];
  sent: SentRemoval;
  onClose: () => void;
}

export function RemoveResult({ users, sent, onClose }: RemoveResultProps) {
  const r = useRemoveResult(users, sent, onClose);
  const { failures, answered, close, queued, removed } = r;

  if (r.showFailed) return <FailedRemovals r={r} />;

  return (
    <Dialog
      title={r.title}
      onClose={close}
      footer={
        !r.partial && answered ? (
          <Button variant="primary" onClick={close}>
            Done
          </Button>
        ) : (
          <>
            <Button variant={failures.length ? 'quiet' : 'primary'} onClick={close}>
              Close
            </Button>
            {failures.length > 0 && (
              <Button variant="primary" onClick={r.seeFailed}>
                See failed removals
              </Button>
            )}
          </>
        )
      }
    >
      {!answered && queued > 0 && <CloudWait online={r.online} what={r.waiting} />}
      {removed > 0 && <Banner tone="success">{msg.removedSummary(removed)}</Banner>}
      {failures.length > 0 && (
        <Banner tone="error">{msg.failedRemovalSummary(failures.length)}</Banner>
      )}
      {sent.error && <Banner tone="error">{sent.error}</Banner>}
    </Dialog>
  );
}

/** "Failed user removals": the reason per user and a Download CSV of them. */
function FailedRemovals({ r }: { r: RemoveResultState }) {
  const { failures, byId, emailOf, close } = r;
  return (
    <Dialog
      title="Failed user removals"
      onClose={close}
      wide
      footer={
        <>
          <Button
            onClick={() =>
              downloadCsv(
                'failed-user-removals.csv',
                ['Email', 'Reason'],
                failures.map((f) => [emailOf(f), f.message]),
              )
            }
          >
            Download CSV
          </Button>
          <Button variant="primary" onClick={close}>
            Go back to organization
          </Button>
        </>
      }
    >
      <p>{msg.FAILED_REMOVALS_EXPLAINED}</p>
      {!r.answered && (
        <p className="org-muted">The cloud has not answered yet: it may refuse others.</p>
      )}
      <table className="table org-failed-table">
        <thead>
          <tr>
            <th scope="col">User</th>
            <th scope="col">Email</th>
            <th scope="col">Reason</th>
          </tr>
        </thead>
        <tbody>
          {failures.map((f) => {
            const u = byId.get(f.key);
            return (
              <tr key={f.key}>
                <td>
                  {u ? (
                    <>
                      {u.name} · {roleLabel[u.role]}
                    </>
                  ) : (
                    '—'
                  )}
                </td>
                <td>{emailOf(f)}</td>
                <td>
                  <span className="badge badge-danger">{f.message}</span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </Dialog>
  );
}
