// The removal's result (docs/sources.md, Portal guide §VIII): waiting for the cloud while it has
// not answered, then "Not all users have been removed" with the failed removals (the pre-check's
// and the cloud's), the reason per user and a Download CSV of them.
import { itemKey } from '../../../../src-shared/org/item-key.ts';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { OrgUserRow } from '../../../../src-shared/domain/org.ts';
import * as msg from '../../../../src-shared/org/messages.ts';
import { request } from '../../../bridge/index.ts';
import { Banner } from '../../../components/Banner.tsx';
import { Button } from '../../../components/Button.tsx';
import { downloadCsv } from '../../../csv/download.ts';
import { roleLabel } from '../../../format/account.ts';
import { useChangeOutcome } from '../changes/result.ts';
import type { Failure } from '../changes/send.ts';
import { useOrgList } from '../orgListStore.ts';
import { Dialog } from '../Dialog.tsx';
import { CloudWait } from './CloudWait.tsx';

export interface SentRemoval {
  mutationId: number | null;
  /** Every user chosen, the pre-check's refusals included. */
  userIds: string[];
  /** Refused at once by the pre-check. */
  failed: Failure[];
  /** Nothing was queued and no user names the reason. */
  error: string | null;
}

const plural = (n: number) => `${n} ${n === 1 ? 'user' : 'users'}`;

interface RemoveResultProps {
  users: readonly OrgUserRow[];
  sent: SentRemoval;
  onClose: () => void;
}

export function RemoveResult({ users, sent, onClose }: RemoveResultProps) {
  const [showFailed, setShowFailed] = useState(false);
  const byId = useMemo(() => new Map(users.map((u) => [u.id, u])), [users]);
  const keys = useMemo(
    () =>
      sent.userIds.map((id) => {
        const email = byId.get(id)?.email;
        return email ? { key: itemKey(id), email } : { key: itemKey(id) };
      }),
    [sent, byId],
  );
  const { result, failures, answered, online } = useChangeOutcome(
    sent.mutationId,
    sent.failed,
    keys,
  );
  const state = result?.state;
  const restored = useRef(false);
  // Users the cloud refused to remove go back into the selection, to act on them next.
  useEffect(() => {
    if (!result || result.state === 'pending' || restored.current) return;
    restored.current = true;
    const back = allRefused(result.state, result.failed, sent.userIds);
    if (!back.length) return;
    const sel = useOrgList.getState();
    sel.setSelected([...new Set([...sel.selected, ...back])]);
  }, [result, sent.userIds]);

  const close = () => {
    // The cloud's rejection was read here: it need not stay among the status bar's failed changes.
    if (state === 'rejected' && sent.mutationId !== null)
      void request('sync.dismissFailed', { ids: [sent.mutationId] }).catch(() => {});
    onClose();
  };
  const queued = sent.userIds.length - sent.failed.length;
  const removed = answered && !sent.error ? sent.userIds.length - failures.length : 0;
  const emailOf = (f: Failure) => f.email ?? byId.get(f.key)?.email ?? f.key;

  if (showFailed)
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
        {!answered && (
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

  const partial = failures.length > 0 || sent.error !== null;
  const title = partial
    ? msg.NOT_ALL_REMOVED
    : !answered
      ? `Removing ${plural(queued)}`
      : `${plural(removed)} removed`;
  return (
    <Dialog
      title={title}
      onClose={close}
      footer={
        !partial && answered ? (
          <Button variant="primary" onClick={close}>
            Done
          </Button>
        ) : (
          <>
            <Button variant={failures.length ? 'quiet' : 'primary'} onClick={close}>
              Close
            </Button>
            {failures.length > 0 && (
              <Button variant="primary" onClick={() => setShowFailed(true)}>
                See failed removals
              </Button>
            )}
          </>
        )
      }
    >
      {!answered && queued > 0 && (
        <CloudWait online={online} what={`the removal of ${plural(queued)}`} />
      )}
      {removed > 0 && <Banner tone="success">{msg.removedSummary(removed)}</Banner>}
      {failures.length > 0 && (
        <Banner tone="error">{msg.failedRemovalSummary(failures.length)}</Banner>
      )}
      {sent.error && <Banner tone="error">{sent.error}</Banner>}
    </Dialog>
  );
}

/** The users the cloud refused: each named item, or every user sent when it refused the change. */
function allRefused(
  state: 'accepted' | 'rejected',
  failed: readonly Failure[],
  userIds: readonly string[],
): string[] {
  return state === 'rejected' ? [...userIds] : failed.map((f) => f.key);
}
