// A list of outside resources with their address shown, so it can be copied where links do not
// open (the desktop window keeps navigation inside the app).
import type { Resource } from './links.ts';

export function ResourceList({ title, items }: { title: string; items: Resource[] }) {
  return (
    <section className="card" aria-label={title}>
      <h2 className="card-title">{title}</h2>
      <ul className="help-list">
        {items.map((r) => (
          <li key={r.url}>
            <a href={r.url} target="_blank" rel="noreferrer">
              {r.title}
            </a>
            <span className="cell-secondary">{r.text}</span>
            <code className="help-url">{r.url}</code>
          </li>
        ))}
      </ul>
    </section>
  );
}
