// The credit ledger's pure rules (docs/requirements.md §9, docs/sources.md, Portal guide §I and §XXVIII): which
// lots a charge takes (earliest-expiring first, "No expiration date" last, expired lots count for
// nothing), what a user may spend, and the simulated render farm's estimate. Credits are kept in
// thousandths.

/** A lot as the ledger sees it: what is left of it now, and when it expires (null: never). */
export interface LotLeft {
  id: string;
  remainingMilli: number;
  expiresAt: string | null;
}

/** One lot's share of a charge. */
export interface Take {
  lotId: string;
  milli: number;
}

export const toMilli = (credits: number): number => Math.round(credits * 1000);
export const fromMilli = (milli: number): number => milli / 1000;

/** True while the lot still counts: no expiration date, or one after `now` (ISO times compare as text). */
export function lotIsLive(lot: { expiresAt: string | null }, now: string): boolean {
  return lot.expiresAt === null || lot.expiresAt > now;
}

/** Earliest expiration first, "No expiration date" last; ties by id so the order is stable. */
export function consumptionOrder<T extends { id: string; expiresAt: string | null }>(
  lots: readonly T[],
): T[] {
  return [...lots].sort((a, b) => {
    if (a.expiresAt !== b.expiresAt) {
      if (a.expiresAt === null) return 1;
      if (b.expiresAt === null) return -1;
      return a.expiresAt < b.expiresAt ? -1 : 1;
    }
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}

/** The live balance of lots at `now`. */
export function liveBalanceMilli(lots: readonly LotLeft[], now: string): number {
  return lots
    .filter((l) => lotIsLive(l, now))
    .reduce((s, l) => s + Math.max(0, l.remainingMilli), 0);
}

/**
 * Splits a charge over the live lots, earliest-expiring first. Answers null when the lots do not
 * hold enough: a charge is never partly applied.
 */
export function planCharge(lots: readonly LotLeft[], milli: number, now: string): Take[] | null {
  const takes: Take[] = [];
  let left = milli;
  for (const lot of consumptionOrder(lots.filter((l) => lotIsLive(l, now)))) {
    if (left <= 0) break;
    const take = Math.min(left, lot.remainingMilli);
    if (take <= 0) continue;
    takes.push({ lotId: lot.id, milli: take });
    left -= take;
  }
  return left > 0 ? null : takes;
}

/**
 * Gives part of a job's charge back to the lots it came from, the last-taken first, so what stays
 * consumed is still the earliest-expiring credit.
 */
export function planRefund(taken: readonly Take[], milli: number): Take[] {
  const back: Take[] = [];
  let left = milli;
  for (const t of [...taken].reverse()) {
    if (left <= 0) break;
    const give = Math.min(left, t.milli);
    if (give > 0) back.push({ lotId: t.lotId, milli: give });
    left -= give;
  }
  return back;
}

/** A scene file as the render form describes it before anything is uploaded. */
export interface SceneInfo {
  name: string;
  sizeBytes: number;
  frames: number;
}

/** Simulated seconds of farm time per frame (docs/credits.md). */
export const SECONDS_PER_FRAME = 6;

/**
 * The simulated farm's estimate: a quarter credit per frame plus one credit per 100 MB of scene
 * per frame, rounded to the portal's three decimals (docs/sources.md, Portal guide §XXVIII).
 */
export function estimateMilli(scene: SceneInfo): number {
  const perFrame = 250 + Math.round((scene.sizeBytes / 100_000_000) * 1000);
  return Math.max(1, scene.frames * perFrame);
}

/** How long the simulated farm takes, in milliseconds of the cloud's clock. */
export function durationMs(scene: SceneInfo): number {
  return scene.frames * SECONDS_PER_FRAME * 1000;
}

/**
 * The final cost of a finished job: the simulated farm uses 85–100 % of the estimate, fixed by the
 * scene's name so the same scene always costs the same.
 */
export function finalCostMilli(scene: SceneInfo, estimate: number): number {
  let h = 0;
  for (const ch of scene.name) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return Math.max(1, Math.round((estimate * (85 + (h % 16))) / 100));
}

/** Progress between 0 and 1 of a job submitted at `startMs` that ends at `endMs`. */
export function progressAt(startMs: number, endMs: number, nowMs: number): number {
  if (endMs <= startMs) return 1;
  return Math.min(1, Math.max(0, (nowMs - startMs) / (endMs - startMs)));
}

/** What a cancelled job costs: its final cost in proportion to the work done, at least one thousandth. */
export function cancelCostMilli(finalCost: number, progress: number): number {
  return Math.max(1, Math.min(finalCost, Math.round(finalCost * progress)));
}
