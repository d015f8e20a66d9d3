// "Rendering as … — Member of …" (docs/sources.md, Portal guide §XXVII: verify you are logged in
// with the correct email), the estimate and what is available, or the reason the render cannot
// start.
import type { RenderQuote } from '../../../src-shared/cloud-api/credits.ts';
import { Banner } from '../../components/Banner.tsx';
import { formatCredits } from './useCredits.ts';
import type { QuoteState } from './useRenderQuote.ts';

function accountLine(q: RenderQuote): string {
  const o = q.organization;
  if (!o || q.source === 'personal') return `Rendering as ${q.email} — personal cloud credits`;
  const role =
    o.role === 'administrator' ? 'Administrator' : o.role === 'member' ? 'Member' : 'Guest';
  return `Rendering as ${q.email} — ${role} of ${o.name}`;
}

export function QuoteLines({ state }: { state: QuoteState }) {
  if (state.kind === 'idle')
    return <p className="card-note">Choose a scene file to see the estimate.</p>;
  if (state.kind === 'loading') return <p className="card-note">Estimating…</p>;
  if (state.kind === 'error')
    return (
      <Banner tone="error" title="No estimate">
        {state.message}
      </Banner>
    );
  const q = state.quote;
  return (
    <div className="render-quote" data-testid="render-quote">
      <p className="render-as">
        <strong>{accountLine(q)}</strong>
        <br />
        <span className="card-note">Verify you are logged in with the correct email.</span>
      </p>
      <dl className="credits-figures">
        <dt>Estimate</dt>
        <dd data-testid="render-estimate">{formatCredits(q.estimate)} credits</dd>
        <dt>Available to you</dt>
        <dd>{formatCredits(q.available)} credits</dd>
      </dl>
      {!q.allowed && (
        <Banner tone="error" title="This render cannot start">
          {q.reason}
        </Banner>
      )}
    </div>
  );
}
