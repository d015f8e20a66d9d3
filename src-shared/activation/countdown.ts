// How long an entitlement has left, in words, for the License Server view and `clm status`
// (docs/requirements.md §6 "the UI shows how long is left"). `now` is the one clock's time.
import type { ServerEntitlementView } from '../bridge/calls/seats.ts';

export function timeLeft(validUntil: string, now: number): string {
  const ms = Date.parse(validUntil) - now;
  if (!(ms > 0)) return 'expired';
  const minutes = Math.floor(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (days > 0) return `${plural(days, 'day')} ${plural(hours, 'hour')}`;
  if (hours > 0) return `${plural(hours, 'hour')} ${plural(minutes % 60, 'minute')}`;
  return plural(Math.max(1, minutes), 'minute');
}

/** One line: whose seats, how the server was activated, how long they are served. */
export function entitlementLine(e: ServerEntitlementView, now: number): string {
  const whose =
    e.whose === 'organization'
      ? `the organization's unassigned seats (administrator ${e.account})`
      : `the seats of ${e.account} (their own and those assigned to them)`;
  const how = e.mode === 'offline' ? 'activated offline (.crt)' : 'activated online';
  if (e.expired || Date.parse(e.validUntil) <= now)
    return `Serves no seats: the entitlement for ${whose} expired. Connect to the cloud to renew it, or import a new .crt.`;
  return `Serves ${whose}, ${how}; the signed entitlement is valid for ${timeLeft(e.validUntil, now)}.`;
}
