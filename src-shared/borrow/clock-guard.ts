// The clock guard (docs/requirements.md §7, docs/activation.md "Clock guard"): winding the clock back must not
// extend a borrow. The license server keeps the latest trusted time (the cloud's time at the last
// contact, the latest wall time seen); a wall clock earlier than it by more than the tolerance
// suspends borrowed seats until the clock passes the record again or the cloud is reached.

/** Clocks drift and get corrected by NTP: only a step back larger than this counts. */
export const CLOCK_TOLERANCE_MS = 60 * 60_000;

export interface ClockJudgement {
  /** False while the wall clock is behind the record by more than the tolerance. */
  trusted: boolean;
  /** The record to keep: it only ever moves forward. */
  record: number;
}

/** Judges the wall clock `wall` against the kept `record` (0 or less: none yet). */
export function judgeClock(wall: number, record: number): ClockJudgement {
  if (record > 0 && wall < record - CLOCK_TOLERANCE_MS) return { trusted: false, record };
  return { trusted: true, record: Math.max(record, wall) };
}

/** The cloud answered at `cloudTime`: the record becomes the cloud's time (it may also move a
 *  record back that a clock once set too far ahead left), and the wall clock is judged by it. */
export function cloudContact(wall: number, cloudTime: number): ClockJudgement {
  return judgeClock(wall, cloudTime);
}

export const clockSuspendedMessage = (wallIso: string, recordIso: string) =>
  `Borrowed seats are suspended: this machine's clock (${wallIso}) is behind the latest trusted time (${recordIso}), so it was set back. Set the clock right, or connect to the cloud, and they serve again.`;
