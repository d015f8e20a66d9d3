// The renderer's time is the core's one clock (docs/time.md): "expires in 3 days" and which
// purchases have expired must agree with the rules the core and the cloud apply, also when the
// app runs with a shifted clock. The offset is learnt once at start; the browser's clock ticks.
import { request } from '../bridge/index.ts';

let offsetMs = 0;

/** The core's time now, in ms since the epoch. */
export function appNow(): number {
  return Date.now() + offsetMs;
}

/** The core's time now as an ISO UTC string. */
export function appNowIso(): string {
  return new Date(appNow()).toISOString();
}

/** Asks the core for its time and keeps the difference to the browser's clock. */
export async function syncClock(): Promise<void> {
  const sent = Date.now();
  const { now } = await request('app.clock', {});
  offsetMs = now - Math.round((sent + Date.now()) / 2);
}
