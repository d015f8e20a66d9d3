// The invitee's prompt (docs/sources.md, Portal guide §IV): who invited them, to which organization
// and as which role, "Would you like to accept the invitation?" with Decline / Accept; then where
// the answer stands.
import { useEffect, useState } from 'react';
import type { OrgInvitationRow } from '../../src-shared/domain/org.ts';
import {
  ACCEPT_INVITATION_PROMPT,
  invitedYou,
  roleBenefits,
  roleLabel,
} from '../../src-shared/org/messages.ts';
import { Banner } from '../components/Banner.tsx';
import { Button } from '../components/Button.tsx';
import { Spinner } from '../components/Spinner.tsx';
import { request } from '../bridge/index.ts';
import { formatDate } from '../format/time.ts';
import { useChangeResult } from '../views/organization/changes/result.ts';
import { messageOf } from '../stores/errors.ts';
import { useMe } from '../stores/me.ts';
import { useSession } from '../stores/session.ts';
import { Dialog } from '../views/organization/Dialog.tsx';
import { InvitationNotOpen } from './InvitationNotOpen.tsx';
import { href } from './route.ts';
import { useInvitationRoute } from './useInvitationRoute.ts';
import '../styles/organization.css';
import '../styles/me.css';

type Answer = 'accept' | 'decline';

interface Answered {
  invitation: OrgInvitationRow;
  answer: Answer;
  mutationId: number;
}

export function InvitationPrompt() {
  useInvitationRoute();
  const accountId = useSession((s) => s.session?.account?.id ?? null);
  const invitations = useMe((s) => s.invitations);
  const asked = useMe((s) => s.asked);
  // Closed without an answer: asked again at the next sign-in, or from the notification.
  const [later, setLater] = useState<ReadonlySet<string>>(new Set());
  const [answered, setAnswered] = useState<Answered | null>(null);
  const [busy, setBusy] = useState<Answer | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setLater(new Set());
    setAnswered(null);
    setError(null);
  }, [accountId]);

  if (answered) return <AnswerDialog answered={answered} onClose={() => setAnswered(null)} />;

  // An invitation answered here is no longer pending in the replica, so it drops out at once.
  const open = invitations.filter((i) => i.status === 'pending' && !i.pending);
  const current = asked
    ? asked.invitationId === null
      ? (open[0] ?? null)
      : (open.find((i) => i.id === asked.invitationId) ?? null)
    : (open.find((i) => !later.has(i.id)) ?? null);

  if (!current) return asked ? <InvitationNotOpen invitationId={asked.invitationId} /> : null;

  async function answer(a: Answer, inv: OrgInvitationRow) {
    setBusy(a);
    setError(null);
    try {
      const r = await request('invitations.respond', { invitationId: inv.id, answer: a });
      setAnswered({ invitation: inv, answer: a, mutationId: r.mutationId });
      useMe.getState().closeAsked();
      void useMe.getState().loadInvitations();
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(null);
    }
  }

  const index = open.indexOf(current);
  const close = () => {
    setLater((s) => new Set(s).add(current.id));
    setError(null);
    useMe.getState().closeAsked();
  };
  return (
    <Dialog
      title={`Invitation to join ${current.organizationName}`}
      onClose={close}
      footer={
        <>
          <Button
            busy={busy === 'decline'}
            disabled={busy !== null}
            onClick={() => void answer('decline', current)}
          >
            Decline
          </Button>
          <Button
            variant="primary"
            busy={busy === 'accept'}
            disabled={busy !== null}
            onClick={() => void answer('accept', current)}
          >
            Accept
          </Button>
        </>
      }
    >
      <div className="invite-prompt" data-invitation={current.id}>
        {open.length > 1 && (
          <p className="invite-count">
            Invitation {index + 1} of {open.length}
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

/** Where the answer stands: queued (offline), sent, or refused by the cloud with its reason. */
function AnswerDialog({ answered, onClose }: { answered: Answered; onClose: () => void }) {
  const { invitation: inv, answer } = answered;
  const result = useChangeResult(answered.mutationId);
  const online = useSession((s) => s.session?.sync.online ?? false);
  const role = useSession((s) => s.session?.account?.organization?.role ?? null);
  const state = result?.state ?? 'pending';
  const accept = answer === 'accept';
  // Accepted by the cloud; the role arrives with the next account snapshot a moment later.
  const joined = accept && state === 'accepted' && role === inv.role;

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
            {result?.message || 'The cloud refused the answer.'}
          </Banner>
        )}
      </div>
    </Dialog>
  );
}
