// A small spinning ring for work in progress; announced to screen readers by its label.
export function Spinner({ label = 'Loading', size = 16 }: { label?: string; size?: number }) {
  return (
    <span
      className="spinner"
      role="status"
      aria-label={label}
      style={{ width: size, height: size }}
    />
  );
}
