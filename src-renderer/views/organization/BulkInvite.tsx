// Bulk invite (seed 000 §V): template, upload (worker parse with progress), a review where each
// role can be changed or all set to guests or members, Send invites, the status, and the failed
// invitations with their reason and "Invite as guest" for those refused as members.
import { useEffect, useMemo, useState } from 'react';
import type { MemberRole } from '../../../src-shared/org/model.ts';
import { MAX_BATCH } from '../../../src-shared/org/mutations.ts';
import { request } from '../../bridge/index.ts';
import { Banner } from '../../components/Banner.tsx';
import { Button } from '../../components/Button.tsx';
import { useCsvUpload } from '../../csv/useCsvUpload.ts';
import { useOrg, type Failure } from '../../stores/org.ts';
import { useSession } from '../../stores/session.ts';
import { CsvFilePicker } from './CsvFilePicker.tsx';

const SHOWN_ROWS = 300;

interface Sent {
  mutationId: number | null;
  emails: string[];
  failed: Failure[];
}

export function BulkInvite({ onDone }: { onDone: () => void }) {
  const upload = useCsvUpload('invite');
  const result = upload.result && !upload.result.fatal ? upload.result : null;
  const [roles, setRoles] = useState<MemberRole[]>([]);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState<Sent | null>(null);
  const [showFailed, setShowFailed] = useState(false);
  useEffect(() => setRoles(result?.rows.map((r) => r.role ?? 'member') ?? []), [result]);

  async function send(list: { email: string; role: MemberRole }[]) {
    setBusy(true);
    const r = await useOrg.getState().change('org.invite', { invitations: list });
    setBusy(false);
    setShowFailed(false);
    setSent({
      mutationId: r.ok ? r.mutationId : null,
      emails: list.map((i) => i.email),
      failed: r.ok || r.failed.length ? r.failed : [{ key: '', code: 'error', message: r.message }],
    });
  }

  if (sent)
    return (
      <InviteStatus
        sent={sent}
        showFailed={showFailed}
        onShowFailed={() => setShowFailed(true)}
        onInviteAsGuest={(emails) => void send(emails.map((email) => ({ email, role: 'guest' })))}
        onDone={onDone}
        busy={busy}
      />
    );

  const rows = result?.rows ?? [];
  return (
    <div className="org-bulk-invite">
      <CsvFilePicker
        kind="invite"
        hint="Fill in Email and Role (member or guest), then upload it:"
        upload={upload}
      />
      {result && (
        <>
          {result.errors.length > 0 && (
            <Banner
              tone="warning"
              title={`${result.errors.length} ${result.errors.length === 1 ? 'row is' : 'rows are'} left out`}
            >
              <ul className="org-failed-list">
                {result.errors.slice(0, 50).map((e) => (
                  <li key={e.line}>
                    Line {e.line}: {e.reason}
                  </li>
                ))}
              </ul>
            </Banner>
          )}
          <div className="org-review-head">
            <strong>
              {rows.length} {rows.length === 1 ? 'invitation' : 'invitations'} to review
            </strong>
            <Button size="sm" onClick={() => setRoles(rows.map(() => 'guest'))}>
              Invite all as guests
            </Button>
            <Button size="sm" onClick={() => setRoles(rows.map(() => 'member'))}>
              Invite all as members
            </Button>
          </div>
          <table className="table org-failed-table org-review">
            <thead>
              <tr>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
              </tr>
            </thead>
            <tbody>
              {rows.slice(0, SHOWN_ROWS).map((r, i) => (
                <tr key={r.line}>
                  <td>{r.email}</td>
                  <td>
                    <select
                      aria-label={`Role of ${r.email}`}
                      value={roles[i] ?? 'member'}
                      onChange={(e) => {
                        const next = [...roles];
                        next[i] = e.target.value as MemberRole;
                        setRoles(next);
                      }}
                    >
                      <option value="member">Member</option>
                      <option value="guest">Guest</option>
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {rows.length > SHOWN_ROWS && (
            <p className="org-muted">
              …and {rows.length - SHOWN_ROWS} more, invited with the role the file gives them.
            </p>
          )}
          <div className="org-review-foot">
            <Button
              variant="primary"
              busy={busy}
              disabled={rows.length === 0 || rows.length > MAX_BATCH}
              onClick={() =>
                void send(rows.map((r, i) => ({ email: r.email, role: roles[i] ?? 'member' })))
              }
            >
              Send invites
            </Button>
          </div>
        </>
      )}
    </div>
  );
}

interface StatusProps {
  sent: Sent;
  showFailed: boolean;
  busy: boolean;
  onShowFailed: () => void;
  onInviteAsGuest: (emails: string[]) => void;
  onDone: () => void;
}

function InviteStatus({
  sent,
  showFailed,
  busy,
  onShowFailed,
  onInviteAsGuest,
  onDone,
}: StatusProps) {
  // A batch the cloud refused as a whole comes back as one failed change of our mutation.
  const refused = useSession((s) =>
    sent.mutationId === null
      ? null
      : (s.session?.sync.failed.find((f) => f.id === String(sent.mutationId)) ?? null),
  );
  const invitations = useOrg((s) => s.invitations);
  const failed = useMemo<Failure[]>(() => {
    const local = sent.failed;
    if (!refused) return local;
    const named = new Set(local.map((f) => f.email));
    return [
      ...local,
      ...sent.emails
        .filter((e) => !named.has(e))
        .map((email) => ({ key: email, email, code: refused.code, message: refused.message })),
    ];
  }, [sent, refused]);
  const waiting = sent.emails.filter((e) =>
    invitations.some((i) => i.email === e && i.pending),
  ).length;
  const ok = sent.emails.length - failed.length;
  const asGuest = failed.filter((f) => f.code === 'not_eligible_as_member' && f.email);
  // The refusal is read here: it need not stay among the status bar's failed changes too.
  const done = () => {
    if (refused) void request('sync.dismissFailed', { ids: [Number(refused.id)] }).catch(() => {});
    onDone();
  };

  if (showFailed)
    return (
      <div className="org-bulk-invite">
        <h3>Failed invitations</h3>
        <p className="org-muted">
          Only people with a registered Chaos account can be invited: ask the others to create one.
        </p>
        <table className="table org-failed-table">
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col">Reason</th>
            </tr>
          </thead>
          <tbody>
            {failed.map((f, i) => (
              <tr key={`${f.key}-${i}`}>
                <td>{f.email ?? f.key}</td>
                <td>{f.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="org-review-foot">
          {asGuest.length > 0 && (
            <Button
              busy={busy}
              onClick={() => onInviteAsGuest(asGuest.map((f) => f.email as string))}
            >
              Invite as guest ({asGuest.length})
            </Button>
          )}
          <Button variant="primary" onClick={done}>
            Done
          </Button>
        </div>
      </div>
    );

  return (
    <div className="org-bulk-invite">
      {ok > 0 && (
        <Banner tone="success" title="Invitations sent">
          {ok} {ok === 1 ? 'invitation was' : 'invitations were'} sent.
          {waiting > 0 && ` ${waiting} still waiting for the cloud to confirm.`}
        </Banner>
      )}
      {failed.length > 0 && (
        <Banner
          tone="error"
          title={`${failed.length} failed ${failed.length === 1 ? 'invitation' : 'invitations'}`}
        >
          Some invitations were not sent.
        </Banner>
      )}
      <div className="org-review-foot">
        {failed.length > 0 && <Button onClick={onShowFailed}>See failed invitations</Button>}
        <Button variant="primary" onClick={done}>
          Done
        </Button>
      </div>
    </div>
  );
}
