// Usage alerts (docs/requirements.md §5; the JetBrains server's threshold alert): when a product's use reaches
// the percentage an `alert` rule sets, one notification, then none for that product for an
// hour (by the seat service's clock).
import type { SeatAlertView } from '../../src-shared/bridge/calls/seats.ts';
import { alertPercent, type SeatRules } from '../../src-shared/seats/rules.ts';

export const ALERT_EVERY_MS = 3_600_000;
const KEEP = 20;

export class SeatAlerts {
  private readonly last = new Map<string, number>();
  private readonly list: SeatAlertView[] = [];

  /** The alert due now for a product at `inUse` of `total`, or null. */
  check(
    rules: SeatRules,
    product: string,
    inUse: number,
    total: number,
    now: number,
  ): SeatAlertView | null {
    const pct = alertPercent(rules, product);
    if (pct === null || total <= 0 || inUse * 100 < pct * total) return null;
    const last = this.last.get(product);
    if (last !== undefined && now - last < ALERT_EVERY_MS) return null;
    this.last.set(product, now);
    const alert: SeatAlertView = {
      product,
      at: new Date(now).toISOString(),
      message: `${inUse} of ${total} seats of "${product}" are in use (${Math.round((inUse * 100) / total)}%), at or over the ${pct}% alert.`,
    };
    this.list.unshift(alert);
    this.list.length = Math.min(this.list.length, KEEP);
    return alert;
  }

  /** The latest alerts, newest first. */
  recent(): SeatAlertView[] {
    return [...this.list];
  }
}
