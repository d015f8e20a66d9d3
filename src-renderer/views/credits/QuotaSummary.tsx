// A member's or guest's organizational credits: quota, used, and what is available now (the
// quota capped by the pool, docs/sources.md, Portal guide §I), in the reader's locale.
import type { CreditsOverview } from '../../../src-shared/domain/credits.ts';
import { formatDateTime } from '../../format/time.ts';
import { formatCredits } from './useCredits.ts';

export function QuotaSummary({ overview }: { overview: CreditsOverview }) {
  const q = overview.quota;
  if (!q) return null;
  const quota =
    q.mode === 'disabled'
      ? 'Disabled'
      : q.mode === 'unlimited'
        ? 'Unlimited'
        : formatCredits(q.limit ?? 0);
  return (
    <section className="card credits-quota" aria-labelledby="credits-quota-title">
      <h2 id="credits-quota-title" className="card-title">
        Your organizational cloud credits
      </h2>
      <dl className="credits-figures">
        <dt>Quota</dt>
        <dd>{quota}</dd>
        <dt>Used</dt>
        <dd>{formatCredits(q.used)}</dd>
        <dt>Available to you</dt>
        <dd data-testid="credits-available">{formatCredits(overview.available)}</dd>
      </dl>
      <p className="card-note">
        {q.mode === 'disabled'
          ? "You have no access to the organization's cloud credits. Ask its administrator."
          : 'A quota is a cap, not a reservation: you can use no more than the pool holds.'}
        {overview.asOf && ` As of ${formatDateTime(overview.asOf)}.`}
      </p>
    </section>
  );
}
