// Credits are written with the portal's three decimals (docs/sources.md, Portal guide §XXVIII) but
// in the reader's locale (issue 19): an administrator in Bulgaria reads "15,500" as fifteen and a
// half, never as fifteen thousand.

/** `15.5` → "15.500" (en), "15,500" (bg), "15,500" (de); grouping for thousands. */
export function formatCredits(value: number, locale?: string): string {
  return new Intl.NumberFormat(locale, {
    minimumFractionDigits: 3,
    maximumFractionDigits: 3,
    useGrouping: true,
  }).format(value);
}

/** The quota line "available / limit", each in the locale. */
export function quotaLine(available: number, limit: number | null, locale?: string): string {
  return limit === null
    ? formatCredits(available, locale)
    : `${formatCredits(available, locale)} / ${formatCredits(limit, locale)}`;
}
