// Products → Cloud rendering (docs/sources.md, Portal guide §XXVII, Account management "Cloud
// Credits"): pick a scene, see the account it renders as and the estimate, submit, follow progress
// and the final cost.
import { PageHeader } from '../../components/PageHeader.tsx';
import { Banner } from '../../components/Banner.tsx';
import { RenderForm } from './RenderForm.tsx';
import { RenderJobs } from './RenderJobs.tsx';
import { useCredits } from './useCredits.ts';
import '../../styles/credits.css';

export function RenderView() {
  const { state } = useCredits();
  return (
    <>
      <PageHeader
        title="Cloud rendering"
        description="Render a scene in Chaos Cloud, charged to your cloud credits."
      />
      <Banner tone="info" title="Simulated render farm">
        This build has no real render farm: the Chaos Cloud reference server simulates one (6
        seconds per frame), with real credit charges.
      </Banner>
      <div className="credits-layout">
        <RenderForm />
        <section className="card" aria-labelledby="render-jobs-title">
          <h2 id="render-jobs-title" className="card-title">
            Your render jobs
          </h2>
          {state.kind === 'loading' && <p className="card-note">Loading render jobs…</p>}
          {state.kind === 'error' && <p className="card-note">{state.message}</p>}
          {state.kind === 'ready' && <RenderJobs jobs={state.overview.jobs} />}
        </section>
      </div>
    </>
  );
}
