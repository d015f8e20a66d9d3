// The clock guard's persisted record of the latest trusted time (docs/activation.md "Clock
// guard"), kept in seats.sqlite's meta so a restart with the clock set back is still caught. The
// judgement itself is src-shared/borrow/clock-guard.ts.
import {
  clockSuspendedMessage,
  cloudContact,
  judgeClock,
} from '../../src-shared/borrow/clock-guard.ts';
import type { PoolCache } from '../seats/pool.ts';

const META_TRUSTED = 'borrow.trusted_at';
/** The record is written when it moved this much: not on every checkout. */
const WRITE_STEP_MS = 60_000;

export class ClockGuard {
  private record: number;
  private written: number;
  private why: string | null = null;

  constructor(private readonly cache: PoolCache) {
    this.record = Number(cache.meta(META_TRUSTED) ?? 0) || 0;
    this.written = this.record;
  }

  /** The latest trusted time (ms), 0 when none was seen yet. */
  get trustedAt(): number {
    return this.record;
  }

  /** Why borrowed seats are suspended at wall time `now`, or null when the clock is trusted. */
  check(now: number): string | null {
    return this.apply(now, judgeClock(now, this.record));
  }

  /** The cloud signed a document at `cloudTime`: that becomes the record. */
  contact(now: number, cloudTime: number): string | null {
    return this.apply(now, cloudContact(now, cloudTime), true);
  }

  private apply(
    now: number,
    j: { trusted: boolean; record: number },
    force = false,
  ): string | null {
    this.record = j.record;
    if (force || this.record - this.written >= WRITE_STEP_MS) {
      this.cache.setMeta(META_TRUSTED, String(this.record));
      this.written = this.record;
    }
    this.why = j.trusted
      ? null
      : clockSuspendedMessage(new Date(now).toISOString(), new Date(this.record).toISOString());
    return this.why;
  }

  get suspended(): string | null {
    return this.why;
  }
}
