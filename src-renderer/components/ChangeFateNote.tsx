// One line under a change's form: sending, waiting for the cloud, or undone with the reason.
import type { ChangeFate } from '../views/organization/changes/fate.ts';
import { Banner } from './Banner.tsx';
import { Spinner } from './Spinner.tsx';

export const OFFLINE_QUEUED = 'You’re offline: the change will be sent when you’re back.';

export function ChangeFateNote({ fate }: { fate: ChangeFate }) {
  if (fate.state === 'pending')
    return (
      <p className="change-fate" aria-live="polite">
        {fate.online ? (
          <>
            <Spinner size={12} label="Sending" /> Sending to the Chaos cloud…
          </>
        ) : (
          OFFLINE_QUEUED
        )}
      </p>
    );
  if (fate.state === 'undone')
    return (
      <Banner tone="error" title="Not changed — the Chaos cloud refused it">
        {fate.reason}
      </Banner>
    );
  return null;
}
