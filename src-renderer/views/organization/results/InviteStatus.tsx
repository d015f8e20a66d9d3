// The bulk-invite status (docs/sources.md, Portal guide §V): what the cloud answered for the
// invitations sent, waiting for it while it has not, and the failed invitations with the reason per
// address, "Invite as guest" for addresses refused as members, and a CSV of them. Its state lives
// in useInviteStatus.
import { formatCount } from '../../../format/number.ts';
import { Banner } from '../../../components/Banner.tsx';
import { Button } from '../../../components/Button.tsx';
import { CloudWait } from './CloudWait.tsx';
import { useInviteStatus, type InviteStatusState, type SentInvites } from './useInviteStatus.ts';

export type { SentInvites } from './useInviteStatus.ts';

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
  const s = useInviteStatus(sent, onRejected);
  const { failures, answered, queued, ok } = s;

  if (s.showFailed)
    return (
      <FailedInvitations s={s} busy={busy} onInviteAsGuest={onInviteAsGuest} onDone={onDone} />
    );

  return (
    <div className="org-bulk-invite" key="status">
      {sent.error && (
        <Banner tone="error" title="The invitations were not sent">
          {sent.error}
        </Banner>
      )}
      {!answered && queued > 0 && <CloudWait online={s.online} what={invitations(queued)} />}
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
        {failures.length > 0 && <Button onClick={s.seeFailed}>See failed invitations</Button>}
        <Button variant="primary" onClick={onDone}>
          {answered ? 'Done' : 'Close'}
        </Button>
      </div>
    </div>
  );
}

interface FailedInvitationsProps {
  s: InviteStatusState;
  busy: boolean;
  onInviteAsGuest: (emails: string[]) => void;
  onDone: () => void;
}

/** "Failed invitations": the reason per address, a CSV of them and "Invite as guest". */
function FailedInvitations({ s, busy, onInviteAsGuest, onDone }: FailedInvitationsProps) {
  const { failures, asGuest } = s;
  return (
    <div className="org-bulk-invite" key="failed">
      <h3>Failed invitations</h3>
      {s.unknown && (
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
        <Button variant="quiet" onClick={s.back}>
          Back
        </Button>
        <Button onClick={s.download}>Download CSV</Button>
        {asGuest.length > 0 && (
          <Button busy={busy} onClick={() => onInviteAsGuest(asGuest)}>
            Invite as guest ({asGuest.length})
          </Button>
        )}
        <Button variant="primary" onClick={onDone}>
          Done
        </Button>
      </div>
    </div>
  );
}
