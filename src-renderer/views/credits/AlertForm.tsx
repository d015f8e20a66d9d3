// The administrator's low-pool alert (issue 19): notified when the pool falls below a threshold.
import { messageOf } from '../../stores/errors.ts';
import { useState } from 'react';
import { request } from '../../bridge/index.ts';
import { Button } from '../../components/Button.tsx';
import { formatCredits } from './useCredits.ts';

export function AlertForm() {
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);

  async function save(threshold: number | null) {
    setBusy(true);
    try {
      const b = await request('credits.setAlert', { threshold });
      setNote({
        ok: true,
        text:
          b.alertThreshold === null
            ? 'You will not be notified about the pool.'
            : `You will be notified when the pool falls below ${formatCredits(b.alertThreshold)}.`,
      });
    } catch (err) {
      setNote({ ok: false, text: messageOf(err) });
    } finally {
      setBusy(false);
    }
  }

  const threshold = Number(value);
  const valid = value.trim() !== '' && Number.isFinite(threshold) && threshold >= 0;
  return (
    <section className="card credits-alert" aria-labelledby="credits-alert-title">
      <h2 id="credits-alert-title" className="card-title">
        Low balance notification
      </h2>
      <label className="field">
        <span>Notify me when the pool falls below (credits)</span>
        <input
          type="number"
          min={0}
          step="any"
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
      </label>
      <p className="me-credits-actions">
        <Button
          variant="primary"
          size="sm"
          disabled={!valid}
          busy={busy}
          onClick={() => void save(threshold)}
        >
          Save
        </Button>{' '}
        <Button size="sm" busy={busy} onClick={() => void save(null)}>
          Turn off
        </Button>
      </p>
      {note && <p className={note.ok ? 'card-note' : 'field-error'}>{note.text}</p>}
    </section>
  );
}
