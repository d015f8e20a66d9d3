// The bulk-invite status as InviteStatus shows it: the cloud's answer followed until it comes, the
// failed invitations (the pre-check's and the cloud's), the addresses to invite as guests instead,
// and whether to show the failed ones.
import { itemKey } from '../../../../src-shared/org/item-key.ts';
import { useEffect, useMemo, useState } from 'react';
import { downloadCsv } from '../../../csv/download.ts';
import { useChangeOutcome } from '../changes/result.ts';
import type { Failure } from '../changes/send.ts';

export interface SentInvites {
  mutationId: number | null;
  /** Every address of the batch (lower case), the pre-check's refusals included. */
  emails: string[];
  /** Refused at once by the pre-check. */
  failed: Failure[];
  /** Nothing was queued and no item names the reason. */
  error: string | null;
}

export function useInviteStatus(sent: SentInvites, onRejected: (mutationId: number) => void) {
  const [showFailed, setShowFailed] = useState(false);
  const keys = useMemo(() => sent.emails.map((e) => ({ key: itemKey(e), email: e })), [sent]);
  const { result, failures, answered, online } = useChangeOutcome(
    sent.mutationId,
    sent.failed,
    keys,
  );
  useEffect(() => {
    if (result?.state === 'rejected') onRejected(result.mutationId);
  }, [result, onRejected]);
  const queued = sent.emails.length - sent.failed.length;
  const ok = answered && !sent.error ? sent.emails.length - failures.length : 0;
  const asGuest = failures.filter((f) => f.code === 'not_eligible_as_member' && f.email);
  const unknown = failures.some((f) => f.code === 'user_not_found');

  return {
    showFailed,
    seeFailed: () => setShowFailed(true),
    back: () => setShowFailed(false),
    failures,
    answered,
    online,
    queued,
    ok,
    /** The addresses refused as members, which may join as guests. */
    asGuest: asGuest.map((f) => f.email as string),
    unknown,
    download: () =>
      downloadCsv(
        'failed-invitations.csv',
        ['Email', 'Reason'],
        failures.map((f) => [f.email ?? f.key, f.message]),
      ),
  };
}

export type InviteStatusState = ReturnType<typeof useInviteStatus>;
