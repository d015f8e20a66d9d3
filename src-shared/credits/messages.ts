// What the render form and the cloud say when a job cannot start (docs/requirements.md §9: "a user without access
// gets a clear refusal before anything is uploaded"), and the notices of the credit ledger.

export const ACCESS_DISABLED = (admin: string): string =>
  `Your access to the organization's cloud credits is disabled. Ask the administrator (${admin}) to enable it.`;

export const NO_CREDITS =
  'You have no cloud credits. Buy cloud credits, or ask an organization administrator for access.';

export const notEnoughCredits = (estimate: string, available: string): string =>
  `This render is estimated at ${estimate} credits and you have ${available} available. Request more cloud credits or render fewer frames.`;

export const JOB_NOT_FOUND = 'There is no such render job of yours.';
export const JOB_ALREADY_ENDED = 'This render job has already ended.';
