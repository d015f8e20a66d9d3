// The removal's result as RemoveResult shows it: the cloud's answer followed until it comes, the
// failed removals (the pre-check's and the cloud's), the refused users put back into the
// selection, and the close that dismisses a rejection read here.
import { itemKey } from '../../../../src-shared/org/item-key.ts';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { OrgUserRow } from '../../../../src-shared/domain/org.ts';
import * as msg from '../../../../src-shared/org/messages.ts';
import { request } from '../../../bridge/index.ts';
import { useChangeOutcome } from '../changes/result.ts';
import type { Failure } from '../changes/send.ts';
import { useOrgList } from '../orgListStore.ts';

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

export function useRemoveResult(
  users: readonly OrgUserRow[],
  sent: SentRemoval,
  onClose: () => void,
) {
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

  const partial = failures.length > 0 || sent.error !== null;
  const title = partial
    ? msg.NOT_ALL_REMOVED
    : !answered
      ? `Removing ${plural(queued)}`
      : `${plural(removed)} removed`;

  return {
    showFailed,
    seeFailed: () => setShowFailed(true),
    byId,
    failures,
    answered,
    online,
    close,
    queued,
    removed,
    /** What CloudWait says is waiting for the cloud. */
    waiting: `the removal of ${plural(queued)}`,
    emailOf,
    partial,
    title,
  };
}

export type RemoveResultState = ReturnType<typeof useRemoveResult>;

/** The users the cloud refused: each named item, or every user sent when it refused the change. */
function allRefused(
  state: 'accepted' | 'rejected',
  failed: readonly Failure[],
  userIds: readonly string[],
): string[] {
  return state === 'rejected' ? [...userIds] : failed.map((f) => f.key);
}
