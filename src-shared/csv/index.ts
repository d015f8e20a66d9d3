// The CSV engine of the Organization uploads and downloads: templates, parsing, validation, export.
export { CSV_KINDS, csvColumns, expectedHeader, templateCsv, templateFileName } from './formats.ts';
export type { CsvColumn, CsvKind } from './formats.ts';
export { parseCsv, parseCsvPacked } from './parse.ts';
export type { ParseCsvOptions } from './parse.ts';
export { unpackResult, transferables, ROLE_GUEST, ROLE_MEMBER } from './result.ts';
export type { CsvResult, CsvRow, CsvRowError, PackedCsvResult } from './result.ts';
export { decodeCsvBytes } from './decode.ts';
export { neutraliseCell, toCsv } from './export.ts';
export type { CsvCell, ToCsvOptions } from './export.ts';
export { isValidEmail, MAX_EMAIL_LENGTH } from './email.ts';
export { MAX_CSV_BYTES } from './size.ts';
export * as csvMessages from './messages.ts';
