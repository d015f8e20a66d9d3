// An invitation the user asked for that is not among the pending ones: still loading, answered or
// cancelled (its row says which), or unknown to this account.
import { useEffect, useState } from 'react';
import type { OrgInvitationRow } from '../../src-shared/domain/org.ts';
import { request } from '../bridge/index.ts';
import { messageOf } from '../stores/errors.ts';
import { useMe } from '../stores/me.ts';

export type AskedInvitation =
  | { state: 'loading' }
  | { state: 'answered'; invitation: OrgInvitationRow }
  | { state: 'unknown' }
  | { state: 'error'; message: string };

export function useAskedInvitation(invitationId: string | null): AskedInvitation {
  const loaded = useMe((s) => s.invitationsLoaded);
  const [found, setFound] = useState<AskedInvitation>({ state: 'loading' });
  useEffect(() => {
    if (!loaded || invitationId === null) return;
    let live = true;
    setFound({ state: 'loading' });
    request('org.invitations', { mine: true })
      .then((rows) => {
        const invitation = rows.find((i) => i.id === invitationId);
        if (live) setFound(invitation ? { state: 'answered', invitation } : { state: 'unknown' });
      })
      .catch((err: unknown) => live && setFound({ state: 'error', message: messageOf(err) }));
    return () => {
      live = false;
    };
  }, [loaded, invitationId]);
  if (invitationId === null) return loaded ? { state: 'unknown' } : { state: 'loading' };
  return loaded ? found : { state: 'loading' };
}
