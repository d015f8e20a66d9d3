// What the credit views show (issue 19): the balance "as of" with lots, consumption over time,
// the user's quota, and render jobs — all read from the replica, so they show offline.
import type { RenderJobRow } from '../cloud-api/sync.ts';

export interface LotLine {
  /** Day of expiry (YYYY-MM-DD, UTC), or null for "No expiration date". */
  expiresAt: string | null;
  quantity: number;
}

/** Net credits consumed on one day: per user (email) and in total. */
export interface ConsumptionDay {
  day: string;
  byUser: Record<string, number>;
  total: number;
}

export interface CreditsOverview {
  role: 'administrator' | 'member' | 'guest' | null;
  /** When the figures were last brought from the cloud; null before the first sync. */
  asOf: string | null;
  /** The pool's (administrator) or personal lots by expiration date; empty for pool users. */
  lots: LotLine[];
  total: number;
  quota: { mode: 'disabled' | 'limit' | 'unlimited'; limit: number | null; used: number } | null;
  available: number;
  consumption: ConsumptionDay[];
  jobs: RenderJobRow[];
}
