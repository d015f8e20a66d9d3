// Bulk invite (docs/sources.md, Portal guide §V): template, upload (worker parse with progress), a
// review where each role can be changed (every row, virtualized) or all set to guests or members,
// Send invites, then the status with the cloud's answer per address (results/InviteStatus.tsx).
import { formatCount } from '../../format/number.ts';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { MemberRole } from '../../../src-shared/org/model.ts';
import { MAX_BATCH } from '../../../src-shared/org/mutations.ts';
import { request } from '../../bridge/index.ts';
import { Banner } from '../../components/Banner.tsx';
import { Button } from '../../components/Button.tsx';
import { useCsvUpload } from '../../csv/useCsvUpload.ts';
import { send } from './changes/send.ts';
import { CsvFilePicker } from './CsvFilePicker.tsx';
import { InviteReviewList } from './results/InviteReviewList.tsx';
import { InviteStatus, type SentInvites } from './results/InviteStatus.tsx';

export function BulkInvite({ onDone }: { onDone: () => void }) {
  const upload = useCsvUpload('invite');
  const result = upload.result && !upload.result.fatal ? upload.result : null;
  const [roles, setRoles] = useState<MemberRole[]>([]);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState<SentInvites | null>(null);
  const rejected = useRef(new Set<number>());
  useEffect(() => setRoles(result?.rows.map((r) => r.role ?? 'member') ?? []), [result]);
  const onRejected = useCallback((id: number) => rejected.current.add(id), []);
  const setRole = useCallback(
    (i: number, role: MemberRole) =>
      setRoles((prev) => {
        const next = [...prev];
        next[i] = role;
        return next;
      }),
    [],
  );

  async function invite(list: { email: string; role: MemberRole }[]) {
    setBusy(true);
    const r = await send('org.invite', { invitations: list });
    setBusy(false);
    setSent({
      mutationId: r.mutationId,
      emails: list.map((i) => i.email.trim().toLowerCase()),
      failed: r.failed,
      error: r.mutationId === null && r.failed.length === 0 ? r.message : null,
    });
  }

  // Refusals read here need not stay among the status bar's failed changes too.
  const done = () => {
    const ids = [...rejected.current];
    if (ids.length) void request('sync.dismissFailed', { ids }).catch(() => {});
    onDone();
  };

  if (sent)
    return (
      <InviteStatus
        key={sent.mutationId ?? 'none'}
        sent={sent}
        busy={busy}
        onInviteAsGuest={(emails) => void invite(emails.map((email) => ({ email, role: 'guest' })))}
        onRejected={onRejected}
        onDone={done}
      />
    );

  const rows = result?.rows ?? [];
  let guests = 0;
  for (let i = 0; i < rows.length; i++) if ((roles[i] ?? 'member') === 'guest') guests++;
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
              {formatCount(rows.length)} {rows.length === 1 ? 'invitation' : 'invitations'} to
              review
            </strong>
            <Button size="sm" onClick={() => setRoles(rows.map(() => 'guest'))}>
              Invite all as guests
            </Button>
            <Button size="sm" onClick={() => setRoles(rows.map(() => 'member'))}>
              Invite all as members
            </Button>
          </div>
          <InviteReviewList rows={rows} roles={roles} onRole={setRole} />
          <p className="org-muted" aria-live="polite">
            {guests === 0
              ? 'Everyone is invited as a member.'
              : guests === rows.length
                ? 'Everyone is invited as a guest.'
                : `${formatCount(rows.length - guests)} as members, ${formatCount(guests)} as guests.`}
            {rows.length > MAX_BATCH &&
              ` At most ${formatCount(MAX_BATCH)} invitations can be sent at once.`}
          </p>
        </>
      )}
      <div className="org-review-foot">
        <Button variant="quiet" onClick={onDone}>
          Cancel
        </Button>
        {result && (
          <Button
            variant="primary"
            busy={busy}
            disabled={rows.length === 0 || rows.length > MAX_BATCH}
            onClick={() =>
              void invite(rows.map((r, i) => ({ email: r.email, role: roles[i] ?? 'member' })))
            }
          >
            Send invites
          </Button>
        )}
      </div>
    </div>
  );
}
