// "Cloud credits available" (docs/sources.md, Portal guide §XXV 6-8): the quota as `available /
// limit`, Request more cloud credits, and the guests' Quick note; the administrator sees the pool,
// others their own.
import { useState } from 'react';
import type { MeOverview } from '../../../src-shared/domain/me.ts';
import { GUEST_DISABLE_ORG_ACCESS_TO_BUY } from '../../../src-shared/org/messages.ts';
import { Button } from '../../components/Button.tsx';
import { formatDateTime } from '../../format/time.ts';
import { href } from '../../app/route.ts';
import { formatCredits, quotaLabel } from './format.ts';
import { RequestCreditsDialog } from './RequestCreditsDialog.tsx';

export function CreditsCard({ overview }: { overview: MeOverview }) {
  const [asking, setAsking] = useState(false);
  const { organization: org, credits } = overview;

  if (!org || !credits)
    return (
      <section className="card me-credits" aria-labelledby="me-credits-title">
        <h2 id="me-credits-title" className="card-title">
          Cloud credits
        </h2>
        <p className="me-credits-figure">{formatCredits(overview.personalCredits)}</p>
        <p className="card-note">
          {overview.personalCredits > 0
            ? 'Your personal Chaos Cloud credits that have not expired.'
            : 'You have no Chaos Cloud credits.'}
        </p>
        <CreditLinks />
      </section>
    );

  if (org.role === 'administrator')
    return (
      <section className="card me-credits" aria-labelledby="me-credits-title">
        <h2 id="me-credits-title" className="card-title">
          Organization credit pool
        </h2>
        <p className="me-credits-figure">{formatCredits(credits.available)}</p>
        <p className="card-note">
          Credits available to {org.name}. Set each user's access in{' '}
          <a href={href('organization')}>Organization</a>.
        </p>
        <CreditLinks />
      </section>
    );

  const guestOnPool = org.role === 'guest' && credits.mode !== 'disabled';
  return (
    <section className="card me-credits" aria-labelledby="me-credits-title">
      <h2 id="me-credits-title" className="card-title">
        Cloud credits available
      </h2>
      {credits.mode === 'disabled' ? (
        <>
          <p className="me-credits-figure me-credits-none">Disabled</p>
          <p className="me-credits-sub">You have no access to the organization's cloud credits.</p>
        </>
      ) : (
        <>
          <p className="me-credits-figure" data-testid="credits-label">
            {quotaLabel(credits)}
          </p>
          <p className="me-credits-sub">
            {credits.mode === 'limit'
              ? `Available / quota · ${formatCredits(credits.used)} used so far`
              : `Unlimited access to the organization's pool · ${formatCredits(credits.available)} available now`}
          </p>
        </>
      )}
      <p className="me-credits-actions">
        <Button variant="secondary" size="sm" onClick={() => setAsking(true)}>
          Request more cloud credits
        </Button>
        {overview.pendingCreditRequests > 0 && (
          <span className="pending-badge">
            {overview.pendingCreditRequests}{' '}
            {overview.pendingCreditRequests === 1 ? 'request' : 'requests'} pending
          </span>
        )}
      </p>
      {org.role === 'guest' && !guestOnPool && overview.personalCredits > 0 && (
        <p className="card-note">
          Personal cloud credits: {formatCredits(overview.personalCredits)}
        </p>
      )}
      {guestOnPool && (
        <aside className="me-quick-note" aria-label="Quick note">
          <strong>Quick note</strong>
          <p>{GUEST_DISABLE_ORG_ACCESS_TO_BUY}</p>
        </aside>
      )}
      {credits.asOf && <p className="card-note">As of {formatDateTime(credits.asOf)}</p>}
      <CreditLinks />
      {asking && <RequestCreditsDialog org={org} onClose={() => setAsking(false)} />}
    </section>
  );
}

/**
 * docs/sources.md, Account management "Cloud Credits": "Start rendering", and the balance with lots
 * and consumption.
 */
function CreditLinks() {
  return (
    <p className="me-credits-actions">
      <a className="btn btn-primary btn-sm" href={href('products', 'render')}>
        Start rendering
      </a>{' '}
      <a href={href('products', 'credits')}>Cloud credits and consumption</a>
    </p>
  );
}
