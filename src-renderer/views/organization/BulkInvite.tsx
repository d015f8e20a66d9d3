// Bulk invite (docs/sources.md, Portal guide §V): template, upload (worker parse with progress), a
// review where each role can be changed (every row, virtualized) or all set to guests or members,
// Send invites, then the status with the cloud's answer per address (results/InviteStatus.tsx).
// Its state lives in useBulkInvite; the review in InviteReview below.
import { formatCount } from '../../format/number.ts';
import { MAX_BATCH } from '../../../src-shared/org/mutations.ts';
import { Banner } from '../../components/Banner.tsx';
import { Button } from '../../components/Button.tsx';
import { CsvFilePicker } from './CsvFilePicker.tsx';
import { InviteReviewList } from './results/InviteReviewList.tsx';
import { InviteStatus } from './results/InviteStatus.tsx';
import { useBulkInvite, type BulkInviteState } from './useBulkInvite.ts';

export function BulkInvite({ onDone }: { onDone: () => void }) {
  const b = useBulkInvite(onDone);
  const { upload, result, rows, roles, busy, sent, invite } = b;

  if (sent)
    return (
      <InviteStatus
        key={sent.mutationId ?? 'none'}
        sent={sent}
        busy={busy}
        onInviteAsGuest={(emails) => void invite(emails.map((email) => ({ email, role: 'guest' })))}
        onRejected={b.onRejected}
        onDone={b.done}
      />
    );

  return (
    <div className="org-bulk-invite">
      <CsvFilePicker
        kind="invite"
        hint="Fill in Email and Role (member or guest), then upload it:"
        upload={upload}
      />
      {result && <InviteReview b={b} />}
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

/** The file's rows to review: those left out, each row's role, all as guests or members. */
function InviteReview({ b }: { b: BulkInviteState }) {
  const { result, rows, roles, guests, setRoles, setRole } = b;
  if (!result) return null;
  return (
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
          {formatCount(rows.length)} {rows.length === 1 ? 'invitation' : 'invitations'} to review
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
  );
}
