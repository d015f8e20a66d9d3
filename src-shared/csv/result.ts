// What an upload parses into, in two shapes: rows as objects for the screens, and the same rows in
// columns for crossing from the worker (cloning 100,000 objects costs more than the parse saves).
import type { MemberRole } from '../org/model.ts';
import type { CsvKind } from './formats.ts';

/** An accepted row: its line in the file and the email, lower-cased as the cloud addresses it. */
export interface CsvRow {
  line: number;
  email: string;
  /** Present for invite uploads only. */
  role?: MemberRole;
}

/** A refused row (or, with line 0 or the header's line, the whole file) and why. */
export interface CsvRowError {
  line: number;
  reason: string;
  /** The row's cells joined by the file's separator, cut at 200 characters. */
  raw: string;
}

export interface CsvResult {
  kind: CsvKind;
  rows: CsvRow[];
  errors: CsvRowError[];
  /** Data rows in the file: blank lines and the header do not count. */
  total: number;
  /** The whole file was refused (too large, empty, no or wrong header): one error, no rows. */
  fatal: boolean;
}

/** CsvResult with the accepted rows as columns; the typed arrays can be moved between threads. */
export interface PackedCsvResult {
  kind: CsvKind;
  total: number;
  fatal: boolean;
  errors: CsvRowError[];
  lines: Int32Array;
  emails: string[];
  /** Per row ROLE_MEMBER or ROLE_GUEST; null for uploads without roles. */
  roles: Uint8Array | null;
}

export const ROLE_MEMBER = 1;
export const ROLE_GUEST = 2;

export function unpackResult(p: PackedCsvResult): CsvResult {
  const n = p.emails.length;
  const rows = new Array<CsvRow>(n);
  for (let i = 0; i < n; i++) {
    const line = p.lines[i] as number;
    const email = p.emails[i] as string;
    rows[i] = p.roles
      ? { line, email, role: p.roles[i] === ROLE_GUEST ? 'guest' : 'member' }
      : { line, email };
  }
  return { kind: p.kind, rows, errors: p.errors, total: p.total, fatal: p.fatal };
}

/** The buffers of a packed result, to transfer rather than copy it to another thread. */
export function transferables(p: PackedCsvResult): ArrayBuffer[] {
  const out = [p.lines.buffer as ArrayBuffer];
  if (p.roles) out.push(p.roles.buffer as ArrayBuffer);
  return out;
}
