// Products → Cloud credits: the administrator's pool "as of" with lots and Total, and everyone's
// consumption over time; members and guests see their quota, what they used and what is available.
import type { CreditsOverview } from '../../../src-shared/domain/credits.ts';
import { href } from '../../app/route.ts';
import { Banner } from '../../components/Banner.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { AlertForm } from './AlertForm.tsx';
import { BalanceTable } from './BalanceTable.tsx';
import { ConsumptionChart } from './ConsumptionChart.tsx';
import { QuotaSummary } from './QuotaSummary.tsx';
import { useCredits } from './useCredits.ts';
import '../../styles/credits.css';

export function CreditsView() {
  const { state } = useCredits();
  return (
    <>
      <PageHeader
        title="Cloud credits"
        description="Chaos Cloud credits: what is left, when it expires, and what renders used."
        actions={
          <a className="btn btn-primary" href={href('products', 'render')}>
            Start rendering
          </a>
        }
      />
      {state.kind === 'loading' && <p className="card-note">Loading cloud credits…</p>}
      {state.kind === 'error' && (
        <Banner tone="error" title="Cloud credits could not be loaded">
          {state.message}
        </Banner>
      )}
      {state.kind === 'ready' && <Overview overview={state.overview} />}
    </>
  );
}

function Overview({ overview }: { overview: CreditsOverview }) {
  return (
    <div className="credits-layout">
      <div className="credits-column">
        {overview.quota ? (
          <QuotaSummary overview={overview} />
        ) : (
          <BalanceTable overview={overview} />
        )}
        {overview.role === 'administrator' && <AlertForm />}
      </div>
      <section className="card" aria-labelledby="credits-chart-title">
        <h2 id="credits-chart-title" className="card-title">
          {overview.role === 'administrator'
            ? 'Consumption by user and in total'
            : 'Your consumption'}
        </h2>
        <ConsumptionChart days={overview.consumption} />
      </section>
    </div>
  );
}
