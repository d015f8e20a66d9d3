// Checks an upload row by row as papaparse hands over chunks, numbering each row by physical line.
import type { ParseError } from 'papaparse';
import { isValidEmail } from './email.ts';
import { expectedHeader, type CsvKind } from './formats.ts';
import { readHeader, type HeaderLayout, type Separator } from './header.ts';
import * as msg from './messages.ts';
import { SeenEmails } from './seen.ts';
import { ROLE_GUEST, ROLE_MEMBER, type CsvRowError, type PackedCsvResult } from './result.ts';

const RAW_MAX = 200;

export class RowValidator {
  // Accepted rows in columns: no object per row (see result.ts).
  private lines: number[] = [];
  private emails: string[] = [];
  private roles: number[] = [];
  private errors: CsvRowError[] = [];
  private total = 0;
  private fatal = false;
  /** Physical line (1-based) where the next row papaparse hands over begins. */
  private line = 1;
  private layout: HeaderLayout | null = null;
  private headerText = '';
  private readonly seen = new SeenEmails();

  constructor(
    private readonly kind: CsvKind,
    private readonly sep: Separator,
    /** Without a quote in the file no field can hold a line break, so none are counted. */
    private readonly mayHoldBreaks: boolean,
  ) {}

  /** Takes one chunk's rows; false once the file is refused and parsing should stop. */
  chunk(data: readonly string[][], parseErrors: readonly ParseError[]): boolean {
    const quoteProblems = quoteProblemsByRow(parseErrors);
    for (let i = 0; i < data.length; i++) {
      const cells = data[i] as string[];
      const line = this.line;
      this.line += this.mayHoldBreaks ? 1 + lineBreaksIn(cells) : 1;
      if (isBlank(cells)) continue;
      const problem = quoteProblems?.get(i);
      if (this.layout === null) {
        const header = problem ? null : readHeader(cells, this.kind, this.sep);
        if (header?.ok) {
          this.layout = header.layout;
          this.headerText = this.describeHeader(cells, header.layout);
          continue;
        }
        this.refuse(line, header ? header.reason : problem!, this.raw(cells));
        return false;
      }
      this.total++;
      if (problem) this.reject(line, problem, cells);
      else this.check(line, cells, this.layout);
    }
    return true;
  }

  /** Refuses the whole file: nothing in it is usable. */
  refuse(line: number, reason: string, raw: string): void {
    this.lines = [];
    this.emails = [];
    this.roles = [];
    this.errors = [{ line, reason, raw }];
    this.total = 0;
    this.fatal = true;
  }

  finish(): PackedCsvResult {
    if (!this.fatal && this.layout === null) {
      this.refuse(0, msg.emptyFile(expectedHeader(this.kind)), '');
    }
    return {
      kind: this.kind,
      total: this.total,
      fatal: this.fatal,
      errors: this.errors,
      lines: Int32Array.from(this.lines),
      emails: this.emails,
      roles: this.kind === 'invite' ? Uint8Array.from(this.roles) : null,
    };
  }

  private check(line: number, cells: string[], layout: HeaderLayout): void {
    if (cells.length > layout.width) {
      let found = cells.length;
      while (found > layout.width && (cells[found - 1] as string).trim() === '') found--;
      if (found > layout.width) {
        return this.reject(line, msg.tooManyColumns(this.headerText, layout.width, found), cells);
      }
    }
    const email = (cells[layout.emailAt] ?? '').trim();
    if (email === '') return this.reject(line, msg.MISSING_EMAIL, cells);
    if (!isValidEmail(email)) return this.reject(line, msg.invalidEmail(email), cells);
    let role = 0;
    if (layout.roleAt >= 0) {
      const typed = (cells[layout.roleAt] ?? '').trim();
      if (typed === '') return this.reject(line, msg.MISSING_ROLE, cells);
      const lower = typed.toLowerCase();
      if (lower !== 'member' && lower !== 'guest') {
        return this.reject(line, msg.unknownRole(typed), cells);
      }
      role = lower === 'guest' ? ROLE_GUEST : ROLE_MEMBER;
    }
    // Only accepted rows claim an address, so a bad row never shadows a later good one.
    const key = email.toLowerCase();
    const first = this.seen.claim(key, line);
    if (first !== 0) return this.reject(line, msg.duplicateEmail(email, first), cells);
    this.lines.push(line);
    this.emails.push(key);
    if (role) this.roles.push(role);
  }

  private reject(line: number, reason: string, cells: string[]): void {
    this.errors.push({ line, reason, raw: this.raw(cells) });
  }

  private raw(cells: string[]): string {
    const raw = cells.join(this.sep);
    return raw.length > RAW_MAX ? raw.slice(0, RAW_MAX) + '…' : raw;
  }

  /** The file's header as the messages name it: known columns spelled as in the template. */
  private describeHeader(cells: string[], layout: HeaderLayout): string {
    return cells
      .slice(0, layout.width)
      .map((c, i) => (i === layout.emailAt ? 'Email' : i === layout.roleAt ? 'Role' : c.trim()))
      .join(this.sep);
  }
}

function quoteProblemsByRow(errors: readonly ParseError[]): Map<number, string> | null {
  let byRow: Map<number, string> | null = null;
  for (const e of errors) {
    if (e.row === undefined || e.type !== 'Quotes' || byRow?.has(e.row)) continue;
    byRow ??= new Map();
    byRow.set(e.row, e.code === 'MissingQuotes' ? msg.UNCLOSED_QUOTE : msg.MALFORMED_QUOTES);
  }
  return byRow;
}

/** Blank lines, whitespace-only lines and all-empty rows such as Excel's `,,` are skipped. */
function isBlank(cells: readonly string[]): boolean {
  for (const c of cells) if (c !== '' && c.trim() !== '') return false;
  return true;
}

/** Line breaks inside quoted fields: CRLF, LF and a lone CR each end one physical line. */
function lineBreaksIn(cells: readonly string[]): number {
  let n = 0;
  for (const c of cells) {
    for (let i = c.indexOf('\n'); i !== -1; i = c.indexOf('\n', i + 1)) n++;
    for (let i = c.indexOf('\r'); i !== -1; i = c.indexOf('\r', i + 1)) {
      if (c.charCodeAt(i + 1) !== 10) n++;
    }
  }
  return n;
}
