// Reads the header row of an upload: which separator the file uses and where its columns are.
import { csvColumns, expectedHeader, type CsvKind } from './formats.ts';
import * as msg from './messages.ts';

export type Separator = ',' | ';';

/** Where the columns of a file are; width counts the header's cells, trailing blanks dropped. */
export interface HeaderLayout {
  emailAt: number;
  /** -1 for uploads without a Role column. */
  roleAt: number;
  width: number;
}

export type HeaderCheck = { ok: true; layout: HeaderLayout } | { ok: false; reason: string };

/**
 * The separator of the first non-blank line (Excel writes `;` where the decimal mark is a comma).
 * A one-column header has none, so then the more frequent one near the start decides.
 */
export function detectSeparator(text: string): Separator {
  for (let start = 0; start < text.length;) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const line = text.slice(start, end);
    if (line.trim() !== '') {
      const commas = count(line, ','),
        semis = count(line, ';');
      if (commas || semis) return semis > commas ? ';' : ',';
      break;
    }
    start = end + 1;
  }
  const sample = text.slice(0, 64 * 1024);
  return count(sample, ';') > count(sample, ',') ? ';' : ',';
}

function count(s: string, ch: string): number {
  let n = 0;
  for (let i = s.indexOf(ch); i !== -1; i = s.indexOf(ch, i + 1)) n++;
  return n;
}

// " email ", "EMAIL", "E-mail", "Email address" are all the Email column.
const normalise = (cell: string): string =>
  cell
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
const EMAIL_NAMES = new Set(['email', 'emailaddress']);

/**
 * Matches the header against the kind's template. Columns may come in any order and other named
 * columns are ignored, so a failed-removals download (`Email,Reason`) can be uploaded to revoke.
 */
export function readHeader(cells: readonly string[], kind: CsvKind, sep: Separator): HeaderCheck {
  let emailAt = -1,
    roleAt = -1,
    width = 0;
  cells.forEach((cell, i) => {
    const name = normalise(cell);
    if (name !== '') width = i + 1;
    if (emailAt === -1 && EMAIL_NAMES.has(name)) emailAt = i;
    else if (roleAt === -1 && name === 'role') roleAt = i;
  });
  const wantsRole = csvColumns(kind).includes('Role');
  if (emailAt !== -1 && (roleAt !== -1 || !wantsRole)) {
    return { ok: true, layout: { emailAt, roleAt: wantsRole ? roleAt : -1, width } };
  }
  const header = expectedHeader(kind);
  if (cells.some((c) => c.includes('@'))) return { ok: false, reason: msg.noHeader(header) };
  return { ok: false, reason: msg.wrongHeader(cells.join(sep).trim(), header) };
}
