// Pending invitations with Resend and Cancel; a row sent from here shows Pending until confirmed.
import { EmailText } from '../../components/EmailText.tsx';
import { useState } from 'react';
import type { OrgInvitationRow } from '../../../src-shared/domain/org.ts';
import { Button } from '../../components/Button.tsx';
import { roleLabel } from '../../format/account.ts';
import { formatDate } from '../../format/time.ts';
import { useOrg } from './orgStore.ts';
import { send } from './changes/send.ts';

export function InvitationsPanel() {
  const invitations = useOrg((s) => s.invitations);
  const [note, setNote] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  if (invitations.length === 0) return null;

  async function run(kind: 'resend' | 'cancel', inv: OrgInvitationRow) {
    const r = await send(kind === 'resend' ? 'org.resendInvitation' : 'org.cancelInvitation', {
      invitationId: inv.id,
    });
    setNote(
      r.mutationId !== null
        ? {
            tone: 'ok',
            text:
              kind === 'resend'
                ? `The invitation to ${inv.email} will be sent again.`
                : `The invitation to ${inv.email} was cancelled.`,
          }
        : { tone: 'error', text: r.message },
    );
  }

  return (
    <section className="card org-invitations" aria-labelledby="org-invitations-title">
      <h2 id="org-invitations-title" className="card-title">
        Pending invitations <span className="table-caption-count">{invitations.length}</span>
      </h2>
      <ul className="org-invitation-list">
        {invitations.map((inv) => (
          <li key={inv.id} className="org-invitation" data-email={inv.email}>
            <span className="org-invitation-who">
              <span className="cell-primary">
                <EmailText email={inv.email} />
                {inv.pending && <span className="pending-badge">Pending</span>}
              </span>
              <span className="cell-secondary">
                {roleLabel[inv.role]} · invited {formatDate(inv.sentAt)}
              </span>
            </span>
            <Button
              size="sm"
              variant="quiet"
              disabled={inv.pending}
              onClick={() => void run('resend', inv)}
              aria-label={`Resend the invitation to ${inv.email}`}
            >
              Resend
            </Button>
            <Button
              size="sm"
              variant="quiet"
              disabled={inv.pending}
              onClick={() => void run('cancel', inv)}
              aria-label={`Cancel the invitation to ${inv.email}`}
            >
              Cancel
            </Button>
          </li>
        ))}
      </ul>
      <p
        className={`org-note${note?.tone === 'error' ? ' org-note-error' : ''}`}
        aria-live="polite"
      >
        {note?.text}
      </p>
    </section>
  );
}
