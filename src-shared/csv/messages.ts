// The reasons an upload or one of its rows is refused, as the review screen shows them.

// Quoted as typed, cut short, with line breaks (from quoted fields) shown as ↵.
const quote = (s: string): string =>
  `"${(s.length > 80 ? s.slice(0, 80) + '…' : s).replace(/\r\n|\r|\n/g, '↵')}"`;

export const MISSING_EMAIL = 'Missing email';
export const invalidEmail = (email: string): string => `Invalid email ${quote(email)}`;
export const MISSING_ROLE = 'Missing role: use member or guest';
export const unknownRole = (role: string): string =>
  `Unknown role ${quote(role)}: use member or guest`;
export const duplicateEmail = (email: string, firstLine: number): string =>
  `Duplicate email ${quote(email)}: already on line ${firstLine}`;
export const tooManyColumns = (header: string, expected: number, found: number): string =>
  `Too many columns: expected ${expected} (${header}), found ${found}`;
export const UNCLOSED_QUOTE = 'Unclosed quote: this row runs on to the end of the file';
export const MALFORMED_QUOTES = 'Malformed quotes: a quoted field must end with a quote';

export const tooLarge = (bytes: number, limit: number): string =>
  `The file is too large (${mb(bytes)}): the limit is ${mb(limit)}. Nothing was read.`;
export const emptyFile = (header: string): string =>
  `The file is empty: the first line must be the header "${header}"`;
export const noHeader = (header: string): string =>
  `The file has no header row: the first line must be "${header}"`;
export const wrongHeader = (found: string, header: string): string =>
  `Wrong header ${quote(found)}: the first line must be "${header}"`;

function mb(bytes: number): string {
  const v = bytes / (1024 * 1024);
  return `${Number.isInteger(v) ? v : v.toFixed(1)} MB`;
}
