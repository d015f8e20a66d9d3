// Copies a value to the clipboard and confirms with "Copied" for a moment.
import { useEffect, useState } from 'react';
import { Icon } from './Icon.tsx';

export function CopyButton({ value, label }: { value: string; label: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    if (state === 'idle') return;
    const id = window.setTimeout(() => setState('idle'), 2000);
    return () => window.clearTimeout(id);
  }, [state]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setState('copied');
    } catch {
      setState('failed');
    }
  }

  return (
    <span className="copy">
      <button
        type="button"
        className={`btn btn-secondary btn-sm${state === 'copied' ? ' btn-copied' : ''}`}
        onClick={() => void copy()}
        aria-label={label}
      >
        <Icon name={state === 'copied' ? 'check' : 'copy'} size={15} />
        {state === 'copied' ? 'Copied' : 'Copy'}
      </button>
      {/* The button itself says "Copied"; this line speaks it to screen readers, and shows failures. */}
      <span
        className={state === 'failed' ? 'copy-feedback copy-failed' : 'visually-hidden'}
        role="status"
        aria-live="polite"
      >
        {state === 'copied' && 'Copied to clipboard'}
        {state === 'failed' && 'Copy failed: select the number and copy it by hand'}
      </span>
    </span>
  );
}
