// The four CSV uploads of the Self-Service Portal (docs/sources.md, Portal guide §V, §X, §XVI,
// §XXII) and their templates.
import { toCsv } from './export.ts';

/** Which upload a file is for: each has its own template and columns. */
export type CsvKind = 'invite' | 'removal' | 'assignment' | 'revoke';

export const CSV_KINDS: readonly CsvKind[] = ['invite', 'removal', 'assignment', 'revoke'];

/** Column names as the templates spell them; the upload matches them ignoring case and spacing. */
export type CsvColumn = 'Email' | 'Role';

const COLUMNS: Record<CsvKind, readonly CsvColumn[]> = {
  invite: ['Email', 'Role'],
  removal: ['Email'],
  assignment: ['Email'],
  revoke: ['Email'],
};

const FILE_NAMES: Record<CsvKind, string> = {
  invite: 'invite-users-template.csv',
  removal: 'remove-users-template.csv',
  assignment: 'assign-products-template.csv',
  revoke: 'revoke-products-template.csv',
};

export function csvColumns(kind: CsvKind): readonly CsvColumn[] {
  return COLUMNS[kind];
}

/** The header line a file of this kind must start with, e.g. `Email,Role`. */
export function expectedHeader(kind: CsvKind): string {
  return COLUMNS[kind].join(',');
}

/** The template file's name for the "Download the .csv template" link. */
export function templateFileName(kind: CsvKind): string {
  return FILE_NAMES[kind];
}

/**
 * The template's text: the header alone, with a BOM so Excel keeps UTF-8 when the admin saves it.
 * The seed's example rows are not included: left in by mistake they would be invited or removed.
 */
export function templateCsv(kind: CsvKind): string {
  return toCsv(COLUMNS[kind], [], { bom: true });
}
