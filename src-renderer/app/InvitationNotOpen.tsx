// The prompt's answer when the invitation asked for (by a clm://invitation link, a desktop
// notification or the bell) is not pending: still looking, answered or cancelled, or unknown.
import { Button } from '../components/Button.tsx';
import { Spinner } from '../components/Spinner.tsx';
import { useMe } from '../stores/me.ts';
import { useSession } from '../stores/session.ts';
import { Dialog } from '../views/organization/Dialog.tsx';
import { useAskedInvitation, type AskedInvitation } from './useAskedInvitation.ts';

export function InvitationNotOpen({ invitationId }: { invitationId: string | null }) {
  const asked = useAskedInvitation(invitationId);
  const email = useSession((s) => s.session?.account?.email ?? 'this account');
  const close = () => useMe.getState().closeAsked();
  return (
    <Dialog
      title={asked.state === 'unknown' ? 'Invitation not found' : 'Invitation'}
      onClose={close}
      footer={
        <Button variant="primary" onClick={close}>
          Close
        </Button>
      }
    >
      <div className="invite-answer" data-state={asked.state}>
        <Explanation asked={asked} invitationId={invitationId} email={email} />
      </div>
    </Dialog>
  );
}

function Explanation(p: { asked: AskedInvitation; invitationId: string | null; email: string }) {
  switch (p.asked.state) {
    case 'loading':
      return (
        <p className="invite-sending">
          <Spinner size={14} label="Looking for the invitation" /> Looking for the invitation…
        </p>
      );
    case 'answered': {
      const inv = p.asked.invitation;
      const how = inv.status === 'pending' ? 'answered' : inv.status;
      return (
        <p>
          This invitation to join {inv.organizationName} is no longer pending: it was {how}.
        </p>
      );
    }
    case 'unknown':
      return p.invitationId === null ? (
        <p>You have no pending invitations.</p>
      ) : (
        <p>
          There is no invitation “{p.invitationId}” for {p.email}. The link may be meant for another
          account, or be incomplete.
        </p>
      );
    case 'error':
      return <p>The invitation could not be read: {p.asked.message}</p>;
  }
}
