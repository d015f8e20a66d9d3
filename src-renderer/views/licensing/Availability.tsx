// Availability in the Licensing table (docs/requirements.md §4, issue 12): how many seats of the product are in
// use now on this machine's license server, of how many it serves, and by whom (the leases this
// user may see on their own server). Without a served pool: the cloud's count, if it gave one.
import type { SeatProductStatus } from '../../../src-shared/bridge/calls/seats.ts';
import type { LicenseView } from '../../../src-shared/domain/license.ts';

const SHOWN_USERS = 3;

function byWhom(p: SeatProductStatus): string | null {
  const users = [...new Set(p.leases.map((l) => l.user))];
  if (!users.length) return null;
  const more = users.length - SHOWN_USERS;
  return `by ${users.slice(0, SHOWN_USERS).join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
}

export function Availability({
  license: l,
  served,
}: {
  license: LicenseView;
  served: SeatProductStatus | undefined;
}) {
  if (served) {
    const who = byWhom(served);
    return (
      <>
        <span className="cell-primary">
          {served.inUse} / {served.total} in use
        </span>
        <span className="cell-secondary">{who ?? 'on this license server'}</span>
      </>
    );
  }
  if (l.inUse !== undefined)
    return (
      <span className="cell-primary">
        {l.inUse} / {l.quantity} in use
      </span>
    );
  return <span className="cell-secondary">Not served here</span>;
}
