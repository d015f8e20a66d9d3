// The invitee's prompt (docs/sources.md, Portal guide §IV): who invited them, to which organization
// and as which role, "Would you like to accept the invitation?" with Decline / Accept; then where
// the answer stands (InvitationAnswer.tsx). Its state lives in useInvitationPrompt.
import {
  ACCEPT_INVITATION_PROMPT,
  invitedYou,
  roleBenefits,
  roleLabel,
} from '../../src-shared/org/messages.ts';
import { Banner } from '../components/Banner.tsx';
import { Button } from '../components/Button.tsx';
import { formatDate } from '../format/time.ts';
import { Dialog } from '../views/organization/Dialog.tsx';
import { AnswerDialog } from './InvitationAnswer.tsx';
import { InvitationNotOpen } from './InvitationNotOpen.tsx';
import { useInvitationPrompt } from './useInvitationPrompt.ts';
import '../styles/organization.css';
import '../styles/me.css';

export function InvitationPrompt() {
  const p = useInvitationPrompt();
  const { answered, asked, open, current, busy, error } = p;

  if (answered) return <AnswerDialog answered={answered} onClose={p.closeAnswered} />;

  if (!current) return asked ? <InvitationNotOpen invitationId={asked.invitationId} /> : null;

  return (
    <Dialog
      title={`Invitation to join ${current.organizationName}`}
      onClose={() => p.close(current)}
      footer={
        <>
          <Button
            busy={busy === 'decline'}
            disabled={busy !== null}
            onClick={() => void p.answer('decline', current)}
          >
            Decline
          </Button>
          <Button
            variant="primary"
            busy={busy === 'accept'}
            disabled={busy !== null}
            onClick={() => void p.answer('accept', current)}
          >
            Accept
          </Button>
        </>
      }
    >
      <div className="invite-prompt" data-invitation={current.id}>
        {open.length > 1 && (
          <p className="invite-count">
            Invitation {p.index + 1} of {open.length}
          </p>
        )}
        <p className="invite-lead">{invitedYou(current.invitedBy, current.role)}</p>
        <p className="invite-benefits">{roleBenefits(current.role)}</p>
        <dl className="invite-facts">
          <div>
            <dt>Organization</dt>
            <dd>{current.organizationName}</dd>
          </div>
          <div>
            <dt>Role</dt>
            <dd>{roleLabel(current.role)}</dd>
          </div>
          <div>
            <dt>Invited</dt>
            <dd>{formatDate(current.sentAt)}</dd>
          </div>
        </dl>
        {error && (
          <Banner tone="error" title="Your answer was not recorded">
            {error}
          </Banner>
        )}
        <p className="invite-question">{ACCEPT_INVITATION_PROMPT}</p>
      </div>
    </Dialog>
  );
}
