// `clm report`: the usage log's records in a time range, as text or CSV, and the check of its
// hash chain (src-main/seats/usage-log.ts), in the spirit of RLM's and FlexNet's report logs.
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../src-shared/errors.ts';
import { SEAT_DB_FILE } from './db.ts';
import { readUsage, verifyUsage, type UsageHead, type UsageRecord } from './usage-log.ts';

/** The newest hash as the server stored it, read without opening the server's database for writing. */
export function storedHead(dataDir: string): UsageHead | undefined {
  const file = join(dataDir, SEAT_DB_FILE);
  if (!existsSync(file)) return undefined;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare("SELECT value FROM meta WHERE key = 'usage_head'").get() as
      { value: string } | undefined;
    return row ? (JSON.parse(row.value) as UsageHead) : undefined;
  } catch {
    return undefined;
  } finally {
    db.close();
  }
}

/** A `--from`/`--to` value: an ISO date or time; answers epoch ms. */
export function parseWhen(flag: string, text: string | undefined, fallback: number): number {
  if (text === undefined || text === '') return fallback;
  const t = Date.parse(text);
  if (Number.isNaN(t))
    throw new AppError(
      'bad_request',
      `--${flag} must be a date or time such as 2026-01-31 or 2026-01-31T08:00Z, not "${text}"`,
    );
  return t;
}

export function recordsBetween(dataDir: string, from: number, to: number): UsageRecord[] {
  return readUsage(dataDir).filter((r) => {
    const t = Date.parse(r.at);
    return t >= from && t <= to;
  });
}

const COLUMNS = [
  'seq',
  'at',
  'kind',
  'product',
  'user',
  'host',
  'leaseId',
  'reason',
  'hash',
] as const;

function cell(v: string | number | undefined): string {
  const s = v === undefined ? '' : String(v);
  return /[",\n\r]/.test(s) || /^[=+\-@]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function reportCsv(records: UsageRecord[]): string {
  const lines = [COLUMNS.join(',')];
  for (const r of records) lines.push(COLUMNS.map((c) => cell(r[c])).join(','));
  return `${lines.join('\n')}\n`;
}

export function reportText(records: UsageRecord[]): string {
  if (records.length === 0) return 'No usage records in that range.';
  return records
    .map((r) =>
      [r.at, r.kind.padEnd(14), r.product ?? '', r.user ?? '', r.host ?? '', r.reason ?? '']
        .filter((x) => x !== '')
        .join('  '),
    )
    .join('\n');
}

export { verifyUsage };
