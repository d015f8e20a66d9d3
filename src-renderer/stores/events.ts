// Keeps the stores in step with the core: session, sync and replica changes pushed over the bridge.
import { bridge } from '../bridge/index.ts';
import { useAccount } from './account.ts';
import { useLicenses } from './licenses.ts';
import { useSession } from './session.ts';
import { isShownSnapshotPart } from './snapshot-parts.ts';

/** Loads what a signed-in view shows; called after sign-in and when the replica changes. */
export function loadSignedInData(): void {
  void useLicenses.getState().load();
  void useAccount.getState().load();
}

function clearSignedInData(): void {
  useLicenses.getState().clear();
  useAccount.getState().clear();
}

/** Subscribes to every bridge event; returns the function that unsubscribes them all. */
export function subscribeToCore(): () => void {
  const offs = [
    bridge.on('session.changed', (session) => {
      const before = useSession.getState().session;
      useSession.getState().applySession(session);
      const wasIn = before?.signedIn ?? false;
      if (session.signedIn && (!wasIn || before?.account?.id !== session.account?.id)) {
        loadSignedInData();
      }
      if (!session.signedIn && wasIn) clearSignedInData();
    }),
    bridge.on('sync.status', (sync) => useSession.getState().applySync(sync)),
    bridge.on('data.changed', ({ tables }) => {
      // Licenses and the account come from the snapshot, never from the organization's feed.
      if (useSession.getState().session?.signedIn && tables.some(isShownSnapshotPart))
        loadSignedInData();
    }),
  ];
  return () => offs.forEach((off) => off());
}

export { clearSignedInData };
