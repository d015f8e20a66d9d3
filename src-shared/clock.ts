// The one clock. Every rule that depends on the time (expiry, borrows, renewal windows, lease
// expiry, entitlement validity, reminders) reads it from a Clock it was given, never from
// Date.now() itself, so tests and the demo can move time (docs/time.md).

/** Milliseconds since the epoch, like Date.now(). */
export type Clock = () => number;

export const systemClock: Clock = () => Date.now();

/** The system clock moved by `offsetMs` (positive: later). */
export function shiftedClock(offsetMs: number, base: Clock = systemClock): Clock {
  return offsetMs === 0 ? base : () => base() + offsetMs;
}

/** The clock's time as an ISO UTC string, the form every stored time has. */
export function isoNow(clock: Clock): string {
  return new Date(clock()).toISOString();
}

/** A clock that stands still until told to move: for tests. */
export interface ManualClock extends Clock {
  set(ms: number): void;
  advance(ms: number): void;
}

export function manualClock(startMs: number): ManualClock {
  let t = startMs;
  const clock = (() => t) as ManualClock;
  clock.set = (ms) => {
    t = ms;
  };
  clock.advance = (ms) => {
    t += ms;
  };
  return clock;
}

const UNIT_MS: Record<string, number> = {
  ms: 1,
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};

/**
 * Parses a clock shift such as `+400d`, `-3h`, `+90m`, `+30s`, `+1500ms` or `0` into
 * milliseconds (faketime's units; `m` is minutes). Answers null when `text` is not one.
 */
export function parseShift(text: string): number | null {
  const m = /^([+-]?)(\d+(?:\.\d+)?)(ms|[smhd])?$/.exec(text.trim());
  if (!m) return null;
  const n = Number(m[2]) * (UNIT_MS[m[3] ?? 's'] as number);
  return m[1] === '-' ? -n : n;
}
