// The shape of a benchmark's results, written by `npm run bench` to bench/results.json.

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  /** Human-readable goal, e.g. "< 1000" or ">= 0.5". */
  goal: string;
  pass: boolean;
}

export function atMost(name: string, value: number, unit: string, limit: number): BenchResult {
  return { name, value: round(value), unit, goal: `<= ${limit}`, pass: value <= limit };
}

export function atLeast(name: string, value: number, unit: string, limit: number): BenchResult {
  return { name, value: round(value), unit, goal: `>= ${limit}`, pass: value >= limit };
}

/** A raw figure recorded for context, without a goal of its own. */
export function info(name: string, value: number, unit: string): BenchResult {
  return { name, value: round(value), unit, goal: 'info', pass: true };
}

/** The middle value (the upper of the two middles for an even count); NaN for none. */
export function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}

/** A bench module's default export. */
export type Bench = () => Promise<BenchResult[]>;
