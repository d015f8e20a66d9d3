// Segmented control to show personal licenses, organization licenses, or both.
export type SourceChoice = 'all' | 'personal' | 'organization';

const options: { id: SourceChoice; label: string }[] = [
  { id: 'all', label: 'All' },
  { id: 'personal', label: 'Personal' },
  { id: 'organization', label: 'Organization' },
];

interface SourceFilterProps {
  value: SourceChoice;
  onChange: (choice: SourceChoice) => void;
  counts: Record<SourceChoice, number>;
}

export function SourceFilter({ value, onChange, counts }: SourceFilterProps) {
  return (
    <div className="segmented" role="group" aria-label="Show licenses from">
      {options.map((o) => (
        <button
          key={o.id}
          type="button"
          className="segment"
          aria-pressed={value === o.id}
          onClick={() => onChange(o.id)}
        >
          {o.label} <span className="segment-count">{counts[o.id]}</span>
        </button>
      ))}
    </div>
  );
}
