// One labelled choice of the Move seats form (product, from, to).
import type { MoveDraft } from './useMoveSeats.ts';

export function MoveSelect(props: {
  label: string;
  k: keyof MoveDraft;
  value: string;
  options: { value: string; label: string }[];
  update: (k: keyof MoveDraft, v: string) => void;
}) {
  return (
    <label>
      {props.label}
      <select value={props.value} onChange={(e) => props.update(props.k, e.target.value)}>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
