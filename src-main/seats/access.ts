// The access rules applied to a checkout (src-shared/seats/rules.ts parses them): allow/deny,
// then the count rules (max per user or group, seats reserved for others), read from the live
// leases of the product only when the product has such rules.
import type { Statement } from 'better-sqlite3';
import {
  countRules,
  emptyRules,
  matches,
  refusal,
  type SeatRules,
  type Who,
} from '../../src-shared/seats/rules.ts';
import type { SeatDb } from './db.ts';

export interface Limit {
  message: string;
  rule: number;
}

export class SeatAccess {
  rules: SeatRules = emptyRules;
  private readonly holders: Statement<[string, number], { user: string; host: string }>;

  constructor(db: SeatDb) {
    this.holders = db.prepare('SELECT user, host FROM leases WHERE product = ? AND expires_at > ?');
  }

  /** The allow/deny rule that refuses this checkout, or null. */
  refused(product: string, who: Who): Limit | null {
    if (this.rules.rules.length === 0) return null;
    const r = refusal(this.rules, product, who);
    return r ? { message: `Checkout of "${product}" refused: ${r.why}.`, rule: r.rule.line } : null;
  }

  /**
   * Whether a count rule keeps `who` from a free seat: a max reached, or the free seats all
   * reserved for others. `inUse` counts the product's leases, `total` its seats.
   */
  limited(product: string, who: Who, inUse: number, total: number, now: number): Limit | null {
    const rs = countRules(this.rules, product);
    if (rs.length === 0) return null;
    const holders = this.holders.all(product, now).map((h) => ({ ...h, address: '' }));
    const held = (r: (typeof rs)[number]) =>
      holders.filter((h) => matches(this.rules, r, h)).length;
    for (const r of rs) {
      if (r.type !== 'max' || !matches(this.rules, r, who)) continue;
      const n = r.kind === 'user' ? holders.filter((h) => h.user === who.user).length : held(r);
      if (n >= r.n)
        return {
          message: `No seat of "${product}" for ${who.user}: the maximum of ${r.n} is reached (rules line ${r.line}, "${r.text}").`,
          rule: r.line,
        };
    }
    let kept = 0;
    let by: (typeof rs)[number] | undefined;
    for (const r of rs) {
      if (r.type !== 'reserve' || matches(this.rules, r, who)) continue;
      const open = Math.max(0, r.n - held(r));
      if (open > 0) by ??= r;
      kept += open;
    }
    if (by && inUse + kept >= total)
      return {
        message: `No seat of "${product}" for ${who.user}: the free seats are reserved (rules line ${by.line}, "${by.text}").`,
        rule: by.line,
      };
    return null;
  }
}
