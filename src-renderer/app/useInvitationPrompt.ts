// The invitee's prompt's state as InvitationPrompt shows it: the pending invitations, which one is
// asked now (the one the user asked for, else the first not put off until later), the answer sent
// through the outbox, and where that answer stands (InvitationAnswer).
import { useEffect, useState } from 'react';
import type { OrgInvitationRow } from '../../src-shared/domain/org.ts';
import { request } from '../bridge/index.ts';
import { useChangeResult } from '../views/organization/changes/result.ts';
import { messageOf } from '../stores/errors.ts';
import { useMe } from '../stores/me.ts';
import { useSession } from '../stores/session.ts';
import { useInvitationRoute } from './useInvitationRoute.ts';

export type Answer = 'accept' | 'decline';

export interface Answered {
  invitation: OrgInvitationRow;
  answer: Answer;
  mutationId: number;
}

export function useInvitationPrompt() {
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

  // An invitation answered here is no longer pending in the replica, so it drops out at once.
  const open = invitations.filter((i) => i.status === 'pending' && !i.pending);
  const current = asked
    ? asked.invitationId === null
      ? (open[0] ?? null)
      : (open.find((i) => i.id === asked.invitationId) ?? null)
    : (open.find((i) => !later.has(i.id)) ?? null);

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

  const close = (inv: OrgInvitationRow) => {
    setLater((s) => new Set(s).add(inv.id));
    setError(null);
    useMe.getState().closeAsked();
  };

  return {
    asked,
    answered,
    closeAnswered: () => setAnswered(null),
    open,
    current,
    index: current ? open.indexOf(current) : -1,
    busy,
    error,
    answer,
    close,
  };
}

/** Where an answer stands: the cloud's result, and whether the account has joined already. */
export function useInvitationAnswer(answered: Answered) {
  const { invitation: inv, answer } = answered;
  const result = useChangeResult(answered.mutationId);
  const online = useSession((s) => s.session?.sync.online ?? false);
  const role = useSession((s) => s.session?.account?.organization?.role ?? null);
  const state = result?.state ?? 'pending';
  const accept = answer === 'accept';
  // Accepted by the cloud; the role arrives with the next account snapshot a moment later.
  const joined = accept && state === 'accepted' && role === inv.role;
  return { inv, accept, state, online, joined, message: result?.message };
}
