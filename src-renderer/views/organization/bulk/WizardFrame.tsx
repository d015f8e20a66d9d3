// The frame of a bulk flow: a dialog with the numbered steps on top (the current one marked for
// screen readers), the step's content, and its footer: Cancel or Back, the step's own primary
// button, and on the last step the way back. Focus moves into each new step.
import { useEffect, useRef, type ReactNode } from 'react';
import { Button } from '../../../components/Button.tsx';
import { Dialog } from '../Dialog.tsx';

interface Props {
  title: string;
  steps: string[];
  /** Index into `steps`. */
  current: number;
  onClose: () => void;
  onBack: () => void;
  /** The current step's primary button (the last step needs none). */
  next: ReactNode;
  children: ReactNode;
}

export function WizardFrame({ title, steps, current, onClose, onBack, next, children }: Props) {
  const panel = useRef<HTMLDivElement>(null);
  const first = useRef(true);
  useEffect(() => {
    // The first step keeps the dialog's own initial focus; later steps start at their first field.
    if (first.current) {
      first.current = false;
      return;
    }
    const el = panel.current;
    const target =
      // A radio group is entered at its checked option, as Tab would.
      el?.querySelector<HTMLElement>(
        'input[type=radio]:checked, input:not([type=radio]):not([disabled]), select, textarea',
      ) ?? el?.querySelector<HTMLElement>('h3');
    target?.focus();
  }, [current]);

  const footer =
    current === steps.length - 1 ? (
      <Button variant="primary" onClick={onClose}>
        Go back to organization
      </Button>
    ) : (
      <>
        <Button variant="quiet" onClick={current === 0 ? onClose : onBack}>
          {current === 0 ? 'Cancel' : 'Back'}
        </Button>
        {next}
      </>
    );

  return (
    <Dialog title={title} onClose={onClose} wide footer={footer}>
      <ol className="wizard-steps" aria-label="Steps">
        {steps.map((s, i) => (
          <li
            key={s}
            className={i === current ? 'is-current' : i < current ? 'is-done' : undefined}
            aria-current={i === current ? 'step' : undefined}
          >
            <span className="wizard-step-no" aria-hidden="true">
              {i < current ? '✓' : i + 1}
            </span>
            <span>{s}</span>
          </li>
        ))}
      </ol>
      <div ref={panel} className="wizard-panel">
        <h3 className="wizard-title" tabIndex={-1}>
          {steps[current]}
        </h3>
        {children}
      </div>
    </Dialog>
  );
}
