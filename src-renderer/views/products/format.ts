// Credit figures as the portal prints them: whole numbers plain, others with three decimals.

export function formatCredits(v: number): string {
  return Number.isInteger(v)
    ? v.toLocaleString('en-US')
    : v.toLocaleString('en-US', {
        minimumFractionDigits: 3,
        maximumFractionDigits: 3,
      });
}
