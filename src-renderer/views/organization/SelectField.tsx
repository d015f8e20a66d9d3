// A labelled <select> (explicit for/id, so its name is the label alone, not the options' text).
import { useId, type ReactNode, type SelectHTMLAttributes } from 'react';

interface SelectFieldProps extends SelectHTMLAttributes<HTMLSelectElement> {
  label: string;
  children: ReactNode;
  wide?: boolean;
}

export function SelectField({ label, children, wide = false, ...select }: SelectFieldProps) {
  const id = useId();
  return (
    <div className={`org-select${wide ? ' org-select-wide' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <select id={id} {...select}>
        {children}
      </select>
    </div>
  );
}
