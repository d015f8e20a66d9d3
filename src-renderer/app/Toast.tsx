// The one place completed actions are confirmed (stores/toast.ts).
import { useEffect } from 'react';
import { Icon } from '../components/Icon.tsx';
import { useToast } from '../stores/toast.ts';

/** Long enough to read a sentence; the text stays in the live region's history for readers. */
const SHOWN_MS = 6000;

export function Toast() {
  const text = useToast((s) => s.text);
  const seq = useToast((s) => s.seq);
  useEffect(() => {
    if (!text) return;
    const t = setTimeout(() => useToast.getState().close(), SHOWN_MS);
    return () => clearTimeout(t);
  }, [text, seq]);
  return (
    <div className="toast-region" role="status" aria-live="polite">
      {text && (
        <div className="toast" key={seq}>
          <Icon name="check" size={16} />
          <span>{text}</span>
          <button
            type="button"
            className="toast-close"
            aria-label="Close"
            onClick={() => useToast.getState().close()}
          >
            ×
          </button>
        </div>
      )}
    </div>
  );
}
