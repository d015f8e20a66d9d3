// Saves CSV text as a file the browser downloads (templates, failed removals, the user list).
import { templateCsv, templateFileName, type CsvKind } from '../../src-shared/csv/formats.ts';
import { toCsv, type CsvCell } from '../../src-shared/csv/export.ts';

// Revoking the URL at once can cancel a download that has not started yet.
const REVOKE_AFTER_MS = 30_000;

export function downloadText(
  fileName: string,
  text: string,
  type = 'text/csv;charset=utf-8',
): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}

/** Downloads a table as CSV: formula-neutralised cells, CRLF, and a BOM so Excel reads UTF-8. */
export function downloadCsv(
  fileName: string,
  headers: readonly string[],
  rows: readonly (readonly CsvCell[])[],
): void {
  downloadText(fileName, toCsv(headers, rows, { bom: true }));
}

/** "Download the .csv template" of an upload. */
export function downloadTemplate(kind: CsvKind): void {
  downloadText(templateFileName(kind), templateCsv(kind));
}
