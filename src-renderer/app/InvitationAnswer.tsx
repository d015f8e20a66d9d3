// Where the invitee's answer to an invitation stands (docs/sources.md, Portal guide §IV): queued
// (offline), sent, or refused by the cloud with its reason. Its state lives in useInvitationAnswer.
import { roleLabel } from '../../src-shared/org/messages.ts';
import { Banner } from '../components/Banner.tsx';
import { Button } from '../components/Button.tsx';
import { Spinner } from '../components/Spinner.tsx';
import { Dialog } from '../views/organization/Dialog.tsx';
import { href } from './route.ts';
import { useInvitationAnswer, type Answered } from './useInvitationPrompt.ts';

/** Where the answer stands: queued (offline), sent, or refused by the cloud with its reason. */
export function AnswerDialog({ answered, onClose }: { answered: Answered; onClose: () => void }) {
  const { inv, accept, state, online, joined, message } = useInvitationAnswer(answered);

  return (
    <Dialog
      title={accept ? `Joining ${inv.organizationName}` : 'Invitation declined'}
      onClose={onClose}
      footer={
        <>
          {joined && (
            <Button
              onClick={() => {
                window.location.hash = href('products');
                onClose();
              }}
            >
              Go to Products
            </Button>
          )}
          <Button variant="primary" onClick={onClose}>
            Close
          </Button>
        </>
      }
    >
      <div className="invite-answer" data-state={state}>
        {state === 'pending' &&
          (online ? (
            <p className="invite-sending">
              <Spinner size={14} label="Sending" /> Sending your answer…
              <span className="pending-badge">Pending</span>
            </p>
          ) : (
            <Banner tone="info" title="Pending">
              You are offline. Your answer to {inv.organizationName} is saved and will be sent when
              the cloud is reachable again.
            </Banner>
          ))}
        {state === 'accepted' &&
          (accept ? (
            joined ? (
              <Banner tone="success" title={`You joined ${inv.organizationName}`}>
                You are now a {roleLabel(inv.role)} of {inv.organizationName}. Your products and
                cloud credits come from the organization; for more, ask its administrator (
                {inv.invitedBy}).
              </Banner>
            ) : (
              <p className="invite-sending">
                <Spinner size={14} label="Updating" /> Accepted. Updating your account…
              </p>
            )
          ) : (
            <Banner tone="success" title="Invitation declined">
              You declined the invitation to join {inv.organizationName}. {inv.invitedBy} is
              notified.
            </Banner>
          ))}
        {state === 'rejected' && (
          <Banner
            tone="error"
            title={`The invitation could not be ${accept ? 'accepted' : 'declined'}`}
          >
            {message || 'The cloud refused the answer.'}
          </Banner>
        )}
      </div>
    </Dialog>
  );
}
