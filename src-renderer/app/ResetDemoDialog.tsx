// Reset demo (demo mode only): after trying every action, a person starts again from the demo's
// story, dated from today (docs/seed-format.md). It signs out, so it asks first.
import { useState } from 'react';
import { Banner } from '../components/Banner.tsx';
import { Button } from '../components/Button.tsx';
import { useSession } from '../stores/session.ts';
import { Dialog } from '../views/organization/Dialog.tsx';

export function ResetDemoDialog({ onClose }: { onClose: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const reset = async () => {
    setBusy(true);
    setError(await useSession.getState().resetDemo());
    setBusy(false);
  };
  return (
    <Dialog
      title="Reset the demo?"
      onClose={onClose}
      footer={
        <>
          <Button variant="quiet" onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button variant="primary" onClick={() => void reset()} busy={busy}>
            Reset demo
          </Button>
        </>
      }
    >
      <p>
        The demo organization, its people, licenses, credits and invoices are loaded again as they
        were at the start, with their dates counted from today. Everything changed in the demo is
        lost, and you are signed out.
      </p>
      {error && (
        <Banner tone="error" title="The demo was not reset">
          {error}
        </Banner>
      )}
    </Dialog>
  );
}
