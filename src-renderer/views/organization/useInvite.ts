// The individual invitation's state: email and role, submit(), where the sent invitation stands
// (queued, sent, refused by the cloud) and close(), which dismisses the refusals shown here.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { MemberRole } from '../../../src-shared/org/model.ts';
import { request } from '../../bridge/index.ts';
import { useOrg } from './orgStore.ts';
import { send } from './changes/send.ts';
import { useSession } from '../../stores/session.ts';
import { emailProblem } from './formChecks.ts';

type Sent = { email: string; mutationId: number };

export function useInvite(onClose: () => void) {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<MemberRole>('member');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState<Sent | null>(null);
  const [tab, setTab] = useState<'individual' | 'bulk'>('individual');
  const roleName = useId();

  // After queueing, the cloud decides: a refusal comes back as a failed change of our mutation.
  const refused = useSession((s) =>
    sent ? (s.session?.sync.failed.find((f) => f.id === String(sent.mutationId)) ?? null) : null,
  );
  const online = useSession((s) => s.session?.sync.online ?? false);
  const confirmed = useOrg((s) =>
    sent
      ? s.invitations.some((i) => i.email === sent.email && !i.pending) &&
        !s.invitations.some((i) => i.email === sent.email && i.pending)
      : false,
  );
  const shown = useRef(new Set<number>());
  useEffect(() => {
    if (!refused) return;
    setError(refused.message);
    shown.current.add(Number(refused.id));
  }, [refused]);

  const close = () => {
    // Refusals read here need not stay in the status bar's failed changes too.
    const ids = [...shown.current];
    if (ids.length) void request('sync.dismissFailed', { ids }).catch(() => {});
    onClose();
  };

  function editEmail(value: string) {
    setEmail(value);
    setError(null);
    setSent(null);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const address = email.trim();
    setSent(null);
    // Checked here, beside the field, before anything is sent (issue 18: no schema text).
    const wrong = emailProblem(address);
    if (wrong) return setError(wrong);
    setError(null);
    setBusy(true);
    const r = await send('org.invite', {
      invitations: [{ email: address, role }],
    });
    setBusy(false);
    if (r.mutationId === null) return setError(r.message);
    if (r.failed.length) return setError(r.failed[0]?.message ?? 'The invitation was not sent');
    setSent({ email: address.toLowerCase(), mutationId: r.mutationId });
  }

  const state = refused ? 'refused' : confirmed ? 'sent' : sent ? 'queued' : 'idle';

  return {
    email,
    role,
    error,
    busy,
    sent,
    tab,
    roleName,
    online,
    state,
    setRole,
    setTab,
    editEmail,
    submit,
    close,
  };
}

export type InviteState = ReturnType<typeof useInvite>;
