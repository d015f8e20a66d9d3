// Credit figures as the portal prints them: whole numbers plain, others with three decimals —
// in the reader's locale (issue 19): "15.500 / 20" in English is "15,500 / 20" in Bulgarian, so a
// Bulgarian administrator never reads fifteen and a half as fifteen thousand.

import { formatCreditFigure } from '../../format/number.ts';

/** Whole numbers plain, others with three decimals (format/number.ts, the one number formatter). */
export const formatCredits = formatCreditFigure;

/**
 * A quota's "available / limit" (docs/sources.md, Portal guide §XXV), "Disabled" or "Unlimited", in
 * the reader's locale.
 */
export function quotaLabel(c: { mode: string; available: number; limit?: number | null }): string {
  if (c.mode === 'disabled') return 'Disabled';
  if (c.mode === 'unlimited' || c.limit === undefined || c.limit === null) return 'Unlimited';
  return `${formatCredits(c.available)} / ${formatCredits(c.limit)}`;
}
