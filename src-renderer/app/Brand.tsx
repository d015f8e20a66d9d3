// The product's mark and name, used in the sidebar and on full-screen pages.
export function Brand({ tone }: { tone: 'light' | 'dark' }) {
  return (
    <div className={`brand brand-${tone}`}>
      <svg className="brand-mark" width="28" height="28" viewBox="0 0 28 28" aria-hidden="true">
        <rect width="28" height="28" rx="7" fill="currentColor" />
        <path
          d="M18.5 9.3a6.2 6.2 0 1 0 0 9.4"
          fill="none"
          stroke="var(--brand-mark-ink)"
          strokeWidth="2.6"
          strokeLinecap="round"
        />
      </svg>
      <span className="brand-text">
        <span className="brand-name">Chaos</span>
        <span className="brand-product">License Manager</span>
      </span>
    </div>
  );
}
