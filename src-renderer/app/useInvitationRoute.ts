// Opens the invitation the address names (#/products/invitation/<id>: a clm://invitation link or a
// desktop notification, src-main/electron/decisions.ts), then puts the address back on Products
// so the same link opens it again later (a hash that does not change fires no event).
import { useEffect } from 'react';
import { useMe } from '../stores/me.ts';
import { href, invitationFromHash, useHash } from './route.ts';

export function useInvitationRoute(): void {
  const hash = useHash();
  useEffect(() => {
    const asked = invitationFromHash(hash);
    if (!asked) return;
    useMe.getState().openInvitation(asked.invitationId);
    window.location.replace(href('products'));
  }, [hash]);
}
