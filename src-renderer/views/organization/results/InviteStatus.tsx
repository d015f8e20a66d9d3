// The bulk-invite status (docs/sources.md, Portal guide §V): what the cloud answered for the
// invitations sent, waiting for it while it has not, and the failed invitations with the reason per
// address, "Invite as guest" for addresses refused as members, and a CSV of them.
import { itemKey } from '../../../../src-shared/org/item-key.ts';
import { formatCount } from '../../../format/number.ts';
import { useEffect, useMemo, useState } from 'react';
import { Banner } from '../../../components/Banner.tsx';
import { Button } from '../../../components/Button.tsx';
import { downloadCsv } from '../../../csv/download.ts';
import { useChangeOutcome } from '../changes/result.ts';
import type { Failure } from '../changes/send.ts';
import { CloudWait } from './CloudWait.tsx';

export interface SentInvites {
  mutationId: number | null;
  /** Every address of the batch (lower case), the pre-check's refusals included. */
  emails: string[];
  /** Refused at once by the pre-check. */
  failed: Failure[];
  /** Nothing was queued and no item names the reason. */
  error: string | null;
}

interface InviteStatusProps {
  sent: SentInvites;
  busy: boolean;
  onInviteAsGuest: (emails: string[]) => void;
  /** The cloud rejected the change whole: its failed change may leave the status bar on Done. */
  onRejected: (mutationId: number) => void;
  onDone: () => void;
}

const count = (n: number) => formatCount(n);
const invitations = (n: number) => `${count(n)} ${n === 1 ? 'invitation' : 'invitations'}`;

export function InviteStatus({
  sent,
  busy,
  onInviteAsGuest,
  onRejected,
  onDone,
}: InviteStatusProps) {
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

  if (showFailed)
    return (
      <div className="org-bulk-invite" key="failed">
        <h3>Failed invitations</h3>
        {unknown && (
          <p className="org-muted">
            Only people with a registered Chaos account can be invited: ask the others to create one
            first.
          </p>
        )}
        {asGuest.length > 0 && (
          <p className="org-muted">
            Accounts with their own subscriptions can join only as Guests: invite them as guests.
          </p>
        )}
        <div className="org-failed-scroll">
          <table className="table org-failed-table">
            <thead>
              <tr>
                <th scope="col">Email</th>
                <th scope="col">Reason</th>
              </tr>
            </thead>
            <tbody>
              {failures.map((f, i) => (
                <tr key={`${f.key}-${i}`}>
                  <td>{f.email ?? f.key}</td>
                  <td>{f.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="org-review-foot">
          <Button variant="quiet" onClick={() => setShowFailed(false)}>
            Back
          </Button>
          <Button
            onClick={() =>
              downloadCsv(
                'failed-invitations.csv',
                ['Email', 'Reason'],
                failures.map((f) => [f.email ?? f.key, f.message]),
              )
            }
          >
            Download CSV
          </Button>
          {asGuest.length > 0 && (
            <Button
              busy={busy}
              onClick={() => onInviteAsGuest(asGuest.map((f) => f.email as string))}
            >
              Invite as guest ({asGuest.length})
            </Button>
          )}
          <Button variant="primary" onClick={onDone}>
            Done
          </Button>
        </div>
      </div>
    );

  return (
    <div className="org-bulk-invite" key="status">
      {sent.error && (
        <Banner tone="error" title="The invitations were not sent">
          {sent.error}
        </Banner>
      )}
      {!answered && queued > 0 && <CloudWait online={online} what={invitations(queued)} />}
      {ok > 0 && (
        <Banner tone="success" title="Invitations sent">
          {ok === 1
            ? '1 invitation was sent. The invitee can accept or decline it; until then it is listed under Pending invitations.'
            : `${count(ok)} invitations were sent. The invitees can accept or decline them; until then they are listed under Pending invitations.`}
        </Banner>
      )}
      {failures.length > 0 && (
        <Banner
          tone="error"
          title={`${count(failures.length)} failed ${failures.length === 1 ? 'invitation' : 'invitations'}`}
        >
          {answered
            ? 'Some invitations were not sent.'
            : 'Some invitations were refused at once; the cloud may refuse others.'}
        </Banner>
      )}
      <div className="org-review-foot">
        {failures.length > 0 && (
          <Button onClick={() => setShowFailed(true)}>See failed invitations</Button>
        )}
        <Button variant="primary" onClick={onDone}>
          {answered ? 'Done' : 'Close'}
        </Button>
      </div>
    </div>
  );
}
