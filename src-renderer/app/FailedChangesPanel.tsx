// The status bar's failed changes (issue 18, docs/requirements.md §11): a panel listing each refused change with
// the cloud's reason, Retry and Dismiss. They are kept by the core across sign-out and restart
// (src-main/sync/failed-keep.ts) until dismissed here.
import * as Popover from '@radix-ui/react-popover';
import { useState } from 'react';
import type { FailedChange } from '../../src-shared/domain/session.ts';
import { forPeople } from '../../src-shared/plain-words.ts';
import { request } from '../bridge/index.ts';
import { Button } from '../components/Button.tsx';
import { Icon } from '../components/Icon.tsx';
import { formatDateTime } from '../format/time.ts';
import { messageOf } from '../stores/errors.ts';

/** Refusals a second try cannot change (the same rule refuses it again): no Retry for them. */
const FINAL = new Set(['forbidden', 'not_found', 'bad_request']);

function FailedItem({ f, onNote }: { f: FailedChange; onNote: (s: string | null) => void }) {
  const act = (name: 'sync.retryFailed' | 'sync.dismissFailed') => () =>
    void request(name, name === 'sync.retryFailed' ? { id: Number(f.id) } : { ids: [Number(f.id)] })
      .then(() => onNote(name === 'sync.retryFailed' ? `Sent again: ${f.description}` : null))
      .catch((err: unknown) => onNote(messageOf(err)));
  return (
    <li className="failed-item" data-failed={f.id}>
      <strong className="failed-what">{f.description}</strong>
      <span className="failed-reason">
        {forPeople(f) || 'The Chaos cloud refused this change.'}
      </span>
      <span className="failed-meta">
        <time dateTime={f.at}>{formatDateTime(f.at)}</time>
        {!FINAL.has(f.code) && (
          <Button size="sm" variant="secondary" onClick={act('sync.retryFailed')}>
            Retry
          </Button>
        )}
        <Button size="sm" variant="quiet" onClick={act('sync.dismissFailed')}>
          Dismiss
        </Button>
      </span>
    </li>
  );
}

export function FailedChangesButton({ failed }: { failed: FailedChange[] }) {
  const [note, setNote] = useState<string | null>(null);
  const label = `${failed.length} failed ${failed.length === 1 ? 'change' : 'changes'}`;
  return (
    // modal={false}: the modal variant locks scrolling with an injected <style>, which the CSP blocks.
    <Popover.Root modal={false} onOpenChange={() => setNote(null)}>
      <Popover.Trigger className="status-item status-failed status-button">
        <Icon name="alert" size={14} /> {label}
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          className="failed-panel"
          side="top"
          align="end"
          sideOffset={8}
          role="dialog"
          aria-label="Failed changes"
        >
          <header className="failed-head">
            <h2>Failed changes</h2>
            <Button
              size="sm"
              variant="quiet"
              onClick={() => void request('sync.dismissFailed', {}).catch(() => undefined)}
            >
              Dismiss all
            </Button>
          </header>
          <p className="failed-lead">
            The Chaos cloud refused these changes, so they were undone here.
          </p>
          {note && (
            <p className="failed-note" role="status">
              {note}
            </p>
          )}
          <ul className="failed-list">
            {failed.map((f) => (
              <FailedItem key={f.id} f={f} onNote={setNote} />
            ))}
          </ul>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
