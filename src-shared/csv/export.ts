// Builds CSV downloads (failed removals, the user list) that spreadsheets open safely.

export type CsvCell = string | number | boolean | null | undefined;

export interface ToCsvOptions {
  /** Start with a UTF-8 BOM so Excel reads non-ASCII names correctly. */
  bom?: boolean;
  /** Field separator; `,` unless the user asked for `;`. */
  separator?: ',' | ';';
}

// A cell starting with one of these is a formula to a spreadsheet (OWASP "CSV injection").
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",;\r\n]/;

/**
 * Neutralises a cell a spreadsheet would run as a formula by prefixing `'`. Only text is touched:
 * a number such as -5 cannot carry a formula and stays a number.
 */
export function neutraliseCell(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell !== 'string') return String(cell);
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

function field(cell: CsvCell): string {
  const s = neutraliseCell(cell);
  // Both separators are quoted so the file splits the same in `,` and `;` spreadsheet locales.
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The CSV text of a header and rows, CRLF line ends (RFC 4180), each line ended. */
export function toCsv(
  headers: readonly string[],
  rows: readonly (readonly CsvCell[])[],
  options: ToCsvOptions = {},
): string {
  const sep = options.separator ?? ',';
  const lines: string[] = [headers.map(field).join(sep)];
  for (const row of rows) lines.push(row.map(field).join(sep));
  return (options.bom ? '\ufeff' : '') + lines.join('\r\n') + '\r\n';
}
