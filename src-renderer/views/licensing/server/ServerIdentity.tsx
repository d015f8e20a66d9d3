// Whose seats this machine serves and why (issue 12): the account, the organization's unassigned
// seats or the member's own, how it was activated, the entitlement's countdown, and at expiry
// (or when the stored entitlement was refused) the reason and what to do.
import type { SeatStatus } from '../../../../src-shared/bridge/calls/seats.ts';
import { entitlementLine } from '../../../../src-shared/activation/countdown.ts';
import { Banner } from '../../../components/Banner.tsx';
import { formatAge } from '../../../format/time.ts';
import { EnableServer } from './EnableServer.tsx';
import { OfflineActivation } from './OfflineActivation.tsx';

export function ServerIdentity({ data, now }: { data: SeatStatus; now: number }) {
  const s = data.server;
  const e = s.entitlement;
  const expired = !!e && (e.expired || Date.parse(e.validUntil) <= now);
  return (
    <section className="card seat-identity">
      <div>
        <h2 className="card-title">This machine&apos;s license server</h2>
        <p className="seat-identity-line">
          {s.account ? (
            <>
              Serves the seats of <strong>{s.account}</strong>
              {s.demo && <span className="badge">Demo</span>}
            </>
          ) : (
            'Not activated yet: the first sign-in on this machine activates it with that account, or activate it offline below.'
          )}
        </p>
        {e && !expired && <p className="seat-entitlement">{entitlementLine(e, now)}</p>}
        <p className="card-note">
          Render apps heartbeat every {data.heartbeatSeconds} s; a lease ends {data.leaseSeconds} s
          after its last heartbeat.
          {s.poolFetchedAt && ` Entitlement last renewed ${formatAge(s.poolFetchedAt, now)}.`}
          {s.fingerprint && ` Machine fingerprint ${s.fingerprint}.`}
        </p>
      </div>
      {expired && e && (
        <Banner tone="error" title="The entitlement expired: its seats left the pool">
          {entitlementLine(e, now)}
        </Banner>
      )}
      {s.message && !expired && (
        <Banner tone="warning" title="Seats may be out of date">
          {s.message}
        </Banner>
      )}
      <EnableServer account={s.account} />
      <OfflineActivation />
    </section>
  );
}
