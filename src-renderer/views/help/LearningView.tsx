// Learning (docs/sources.md, Navigation "Learning"): training videos, sample projects, the Docs and
// the Knowledge Base, and how this app's own screens map to the tasks they teach.
import { PageHeader } from '../../components/PageHeader.tsx';
import { inThisApp, learning } from './links.ts';
import { ResourceList } from './ResourceList.tsx';
import '../../styles/portal.css';

export function LearningView() {
  return (
    <>
      <PageHeader
        title="Learning"
        description="Get familiar with Chaos products: docs, knowledge base, training videos and sample projects."
      />
      <div className="portal-stack">
        <ResourceList title="Learning resources" items={learning} />
        <section className="card" aria-label="In this app">
          <h2 className="card-title">In this app</h2>
          <ul className="help-list">
            {inThisApp.map((t) => (
              <li key={t.title}>
                <strong>{t.title}</strong>
                <span className="cell-secondary">{t.text}</span>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </>
  );
}
