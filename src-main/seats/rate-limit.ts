// Per-client token buckets for the seat protocol: a burst allowance refilled at a steady rate.

export interface RateLimit {
  /** Sustained requests per second per client address. */
  perSecond: number;
  /** Requests a client may send at once before it is slowed down. */
  burst: number;
}

export const DEFAULT_RATE_LIMIT: RateLimit = { perSecond: 50, burst: 200 };

interface Bucket {
  tokens: number;
  at: number;
}

const SWEEP_MS = 60_000;

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;
  private lastSweep: number;

  constructor(
    private readonly limit: RateLimit,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.perMs = limit.perSecond / 1000;
    this.lastSweep = now();
  }

  /** Takes one token for `key`: 0 when allowed, else the whole seconds to wait. */
  take(key: string): number {
    const now = this.now();
    let b = this.buckets.get(key);
    if (!b) {
      if (now - this.lastSweep > SWEEP_MS) this.sweep(now);
      b = { tokens: this.limit.burst, at: now };
      this.buckets.set(key, b);
    } else {
      b.tokens = Math.min(this.limit.burst, b.tokens + (now - b.at) * this.perMs);
      b.at = now;
    }
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - b.tokens) / this.perMs / 1000));
  }

  /** Forgets clients whose buckets have refilled, so memory follows the active clients only. */
  private sweep(now: number): void {
    this.lastSweep = now;
    for (const [key, b] of this.buckets)
      if (b.tokens + (now - b.at) * this.perMs >= this.limit.burst) this.buckets.delete(key);
  }
}
