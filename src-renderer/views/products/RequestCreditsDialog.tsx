// "Request more cloud credits": an optional amount and note, queued; the administrator is
// notified by email once the cloud has it (docs/sources.md, Portal guide §XXV 8).
import { useState, type FormEvent } from 'react';
import type { MyOrganization } from '../../../src-shared/domain/me.ts';
import { Banner } from '../../components/Banner.tsx';
import { Button } from '../../components/Button.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { useChangeResult } from '../organization/changes/result.ts';
import { useMe } from '../../stores/me.ts';
import { useSession } from '../../stores/session.ts';
import { Dialog } from '../organization/Dialog.tsx';

const MAX_AMOUNT = 1_000_000_000;
const MAX_NOTE = 2000;

interface Props {
  org: MyOrganization;
  onClose: () => void;
}

export function RequestCreditsDialog({ org, onClose }: Props) {
  const [amount, setAmount] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [mutationId, setMutationId] = useState<number | null>(null);

  async function send(e: FormEvent) {
    e.preventDefault();
    const text = amount.trim();
    const value = text === '' ? undefined : Number(text);
    if (value !== undefined && !(Number.isFinite(value) && value > 0 && value <= MAX_AMOUNT))
      return setError('Enter a positive number of credits, or leave the amount empty.');
    setError(null);
    setBusy(true);
    const r = await useMe.getState().requestCredits(value, note.trim() || undefined);
    setBusy(false);
    if (typeof r === 'string') setError(r);
    else setMutationId(r.mutationId);
  }

  if (mutationId !== null) return <Sent org={org} mutationId={mutationId} onClose={onClose} />;

  return (
    <Dialog
      title="Request more cloud credits"
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" type="submit" form="me-request-credits" busy={busy}>
            Send request
          </Button>
        </>
      }
    >
      <form
        id="me-request-credits"
        className="me-request"
        noValidate
        onSubmit={(e) => void send(e)}
      >
        <p className="org-dialog-lead">
          {org.administratorName} ({org.administratorEmail}), the administrator of {org.name}, is
          notified by email.
        </p>
        <div className={`field${error ? ' field-invalid' : ''}`}>
          <label htmlFor="me-request-amount">Credits (optional)</label>
          <input
            id="me-request-amount"
            type="number"
            inputMode="decimal"
            min="0"
            step="any"
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'me-request-error' : undefined}
          />
        </div>
        <div className="field">
          <label htmlFor="me-request-note">Note (optional)</label>
          <textarea
            id="me-request-note"
            rows={3}
            maxLength={MAX_NOTE}
            value={note}
            placeholder="What the credits are for, e.g. a deadline"
            onChange={(e) => setNote(e.target.value)}
          />
        </div>
        {error && (
          <p id="me-request-error" className="field-error" role="alert">
            {error}
          </p>
        )}
      </form>
    </Dialog>
  );
}

/** Where the request stands: queued while offline, sent, or refused with the cloud's reason. */
function Sent({ org, mutationId, onClose }: Props & { mutationId: number }) {
  const result = useChangeResult(mutationId);
  const online = useSession((s) => s.session?.sync.online ?? false);
  const state = result?.state ?? 'pending';
  return (
    <Dialog
      title="Request more cloud credits"
      onClose={onClose}
      footer={
        <Button variant="primary" onClick={onClose}>
          Close
        </Button>
      }
    >
      <div className="me-request-result" data-state={state}>
        {state === 'pending' &&
          (online ? (
            <p className="invite-sending">
              <Spinner size={14} label="Sending" /> Sending your request…
              <span className="pending-badge">Pending</span>
            </p>
          ) : (
            <Banner tone="info" title="Pending">
              You are offline. Your request is saved and will be sent when the cloud is reachable
              again.
            </Banner>
          ))}
        {state === 'accepted' && (
          <Banner tone="success" title="Your request was sent">
            {org.administratorName} ({org.administratorEmail}) is notified by email.
          </Banner>
        )}
        {state === 'rejected' && (
          <Banner tone="error" title="Your request was not sent">
            {result?.message || 'The cloud refused the request.'}
          </Banner>
        )}
      </div>
    </Dialog>
  );
}
