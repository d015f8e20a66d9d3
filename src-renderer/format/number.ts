// The one number formatter of every screen, chart and export (issue 18, docs/interface.md): counts
// and credit figures in the user's locale (issue 19: "15.500" in English is "15,500" in Bulgarian).
export { formatCredits, quotaLine } from '../../src-shared/credits/format.ts';

const counts = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const figures = new Intl.NumberFormat(undefined, {
  minimumFractionDigits: 3,
  maximumFractionDigits: 3,
});

/** "1,234" — users, seats, rows. */
export function formatCount(n: number): string {
  return counts.format(n);
}

/** A credit figure as the portal prints it: whole numbers plain ("20"), others "15.500". */
export function formatCreditFigure(v: number): string {
  return Number.isInteger(v) ? counts.format(v) : figures.format(v);
}
