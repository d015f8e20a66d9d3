// The quota choice of "Update Cloud Credit Access" (docs/sources.md, Portal guide §XXV, §XXVI):
// Disabled · presets · Unlimited · custom — its state, its words and its form, shared by the
// popover and the bulk flow.
import { useId, useState } from 'react';
import type { CreditAccess } from '../../../src-shared/org/model.ts';
import { CREDIT_PRESETS } from '../../../src-shared/org/model.ts';

export type CreditChoice = 'disabled' | 'unlimited' | 'custom' | (typeof CREDIT_PRESETS)[number];

export function choiceOf(a: CreditAccess): { choice: CreditChoice; custom: string } {
  if (a.mode !== 'limit') return { choice: a.mode, custom: '' };
  const preset = CREDIT_PRESETS.find((p) => p === a.limit);
  return preset ? { choice: preset, custom: '' } : { choice: 'custom', custom: String(a.limit) };
}

/** The access the choice means, or an error sentence when the custom amount is not valid. */
export function accessOf(choice: CreditChoice, custom: string): CreditAccess | string {
  if (choice === 'disabled' || choice === 'unlimited') return { mode: choice };
  if (choice !== 'custom') return { mode: 'limit', limit: choice };
  const n = Number(custom);
  if (custom.trim() === '' || !Number.isFinite(n) || n <= 0) return 'Enter a quota greater than 0';
  return { mode: 'limit', limit: Math.round(n * 1000) / 1000 };
}

/** "a quota of 50 credits", "Disabled", "Unlimited" */
export function describeAccess(a: CreditAccess): string {
  if (a.mode === 'limit') return `a quota of ${a.limit} credits`;
  return a.mode === 'disabled' ? 'Disabled' : 'Unlimited';
}

/** The choice being edited, the access it means (or why not), and the props of the form. */
export function useCreditChoice(start?: CreditAccess) {
  const [initial] = useState(() =>
    start ? choiceOf(start) : { choice: 20 as CreditChoice, custom: '' },
  );
  const [choice, setChoice] = useState<CreditChoice>(initial.choice);
  const [custom, setCustom] = useState(initial.custom);
  const [error, setError] = useState<string | null>(null);
  const access = accessOf(choice, custom);
  const form: Props = {
    choice,
    custom,
    error,
    onChoice: (c) => {
      setChoice(c);
      setError(null);
    },
    onCustom: (v) => {
      setCustom(v);
      setError(null);
    },
  };
  return { access, error, setError, form };
}

const OPTIONS: CreditChoice[] = ['disabled', ...CREDIT_PRESETS, 'unlimited', 'custom'];
const label = (c: CreditChoice) =>
  c === 'disabled'
    ? 'Disabled'
    : c === 'unlimited'
      ? 'Unlimited'
      : c === 'custom'
        ? 'Custom'
        : String(c);

interface Props {
  choice: CreditChoice;
  custom: string;
  onChoice: (c: CreditChoice) => void;
  onCustom: (v: string) => void;
  error: string | null;
}

export function CreditAccessForm({ choice, custom, onChoice, onCustom, error }: Props) {
  const name = useId();
  return (
    <div className="credit-form">
      <div className="credit-options" role="radiogroup" aria-label="Cloud credit access">
        {OPTIONS.map((c) => (
          <label key={c} className={`credit-option${choice === c ? ' credit-option-on' : ''}`}>
            <input type="radio" name={name} checked={choice === c} onChange={() => onChoice(c)} />
            {label(c)}
          </label>
        ))}
      </div>
      {choice === 'custom' && (
        <label className="credit-custom">
          <span>Custom quota (credits)</span>
          <input
            type="number"
            min={0.001}
            step="any"
            inputMode="decimal"
            value={custom}
            autoFocus
            aria-invalid={error ? true : undefined}
            onChange={(e) => onCustom(e.target.value)}
          />
        </label>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
