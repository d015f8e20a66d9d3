// The malformed-CSV corpus, each file with its exact accepted rows and
// per-row errors. Only `rows` is ever sent (after the admin confirms), so a refused row or file
// that is absent from it changes nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, openAsBlob, mkdtempSync, rmSync, writeFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  parseCsv,
  decodeCsvBytes,
  MAX_CSV_BYTES,
  type CsvKind,
} from '../../src-shared/csv/index.ts';
import { runCsvJob, type CsvJobMessage } from '../../src-renderer/csv/job.ts';
import { unpackResult } from '../../src-shared/csv/result.ts';

const dir = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/csv');
const D = '@northwind.example';
const role = (r: string): string => `Unknown role "${r}": use member or guest`;
const MISSING_ROLE = 'Missing role: use member or guest';

interface Case {
  fixture: string;
  kind?: CsvKind;
  /** Accepted rows as `line email role`. */
  rows: string[];
  errors: { line: number; reason: string }[];
  total: number;
  fatal?: boolean;
}

const cases: Case[] = [
  {
    fixture: 'bom.csv',
    rows: [`2 anna${D} member`, `3 ben${D} guest`],
    errors: [],
    total: 2,
  },
  {
    fixture: 'semicolon.csv',
    rows: [`2 anna${D} member`, `3 ben${D} guest`, `5 dana${D} guest`],
    errors: [{ line: 4, reason: `Invalid email "carl;x${D}"` }],
    total: 4,
  },
  {
    fixture: 'quoted-newlines.csv',
    rows: [`2 anna${D} member`, `5 carl${D} member`, `10 gus${D} member`],
    errors: [
      { line: 3, reason: role('gu↵est') },
      { line: 6, reason: 'Invalid email "dana@↵northwind.example"' },
      { line: 8, reason: role('guest, really') },
      { line: 9, reason: `Invalid email "fay "the admin"${D}"` },
    ],
    total: 7,
  },
  {
    fixture: 'empty-lines.csv',
    rows: [`4 anna${D} member`, `7 ben${D} guest`],
    errors: [],
    total: 2,
  },
  {
    fixture: 'duplicates.csv',
    rows: [`2 anna${D} member`, `3 ben${D} guest`, `7 carl${D} member`],
    errors: [
      { line: 4, reason: 'Duplicate email "ANNA@Northwind.Example": already on line 2' },
      { line: 5, reason: `Duplicate email "ben${D}": already on line 3` },
      { line: 6, reason: role('admin') },
      { line: 8, reason: `Duplicate email "Carl${D}": already on line 7` },
    ],
    total: 7,
  },
  {
    fixture: 'unknown-roles.csv',
    rows: [`2 anna${D} member`, `7 fay${D} guest`],
    errors: [
      { line: 3, reason: 'Unknown role "admin": use member or guest' },
      { line: 4, reason: role('Administrator') },
      { line: 5, reason: MISSING_ROLE },
      { line: 6, reason: MISSING_ROLE },
      { line: 8, reason: role('owner') },
    ],
    total: 7,
  },
  {
    fixture: 'header-case-spacing.csv',
    rows: [`2 anna${D} member`, `3 ben${D} guest`],
    errors: [],
    total: 2,
  },
  {
    fixture: 'wrong-header.csv',
    rows: [],
    errors: [{ line: 1, reason: 'Wrong header "Mail,Type": the first line must be "Email,Role"' }],
    total: 0,
    fatal: true,
  },
  {
    fixture: 'no-header.csv',
    rows: [],
    errors: [
      { line: 1, reason: 'The file has no header row: the first line must be "Email,Role"' },
    ],
    total: 0,
    fatal: true,
  },
  {
    fixture: 'too-many-columns.csv',
    rows: [`2 anna${D} member`, `4 carl${D} member`],
    errors: [
      { line: 3, reason: 'Too many columns: expected 2 (Email,Role), found 3' },
      { line: 5, reason: 'Too many columns: expected 2 (Email,Role), found 4' },
    ],
    total: 4,
  },
  {
    fixture: 'mixed-valid-invalid.csv',
    rows: [`2 anna${D} member`, `8 erik${D} guest`, `13 hana.o'neil+ssp${D} guest`],
    errors: [
      { line: 3, reason: 'Missing email' },
      { line: 4, reason: 'Invalid email "ben@"' },
      { line: 5, reason: 'Invalid email "not-an-email"' },
      { line: 6, reason: 'Invalid email "carl@northwind"' },
      { line: 7, reason: `Invalid email "dana smith${D}"` },
      { line: 10, reason: role('admin') },
      { line: 11, reason: 'Too many columns: expected 2 (Email,Role), found 3' },
      { line: 12, reason: `Duplicate email "ERIK${D}": already on line 8` },
      { line: 14, reason: 'Unclosed quote: this row runs on to the end of the file' },
    ],
    total: 12,
  },
  {
    fixture: 'crlf.csv',
    rows: [`2 anna${D} member`, `3 ben${D} guest`, `5 carl${D} member`],
    errors: [],
    total: 3,
  },
  {
    fixture: 'removal.csv',
    kind: 'removal',
    rows: [`2 anna${D}`, `3 ben${D}`],
    errors: [
      { line: 5, reason: 'Invalid email "not-an-email"' },
      { line: 6, reason: `Duplicate email "anna${D}": already on line 2` },
    ],
    total: 4,
  },
  {
    // The seed's "Download CSV" of failed removals, uploaded again to revoke their products.
    fixture: 'failed-removals.csv',
    kind: 'revoke',
    rows: [`2 anna${D}`, `3 ben${D}`],
    errors: [],
    total: 2,
  },
  {
    // An invite file is a valid removal list: the Role column is ignored.
    fixture: 'bom.csv',
    kind: 'assignment',
    rows: [`2 anna${D}`, `3 ben${D}`],
    errors: [],
    total: 2,
  },
  {
    fixture: 'wrong-header.csv',
    kind: 'removal',
    rows: [],
    errors: [{ line: 1, reason: 'Wrong header "Mail,Type": the first line must be "Email"' }],
    total: 0,
    fatal: true,
  },
];

function check(c: Case, result: ReturnType<typeof parseCsv>): void {
  const rows = result.rows.map((r) => [r.line, r.email, r.role].filter(Boolean).join(' '));
  assert.deepEqual(rows, c.rows, 'accepted rows');
  assert.deepEqual(
    result.errors.map((e) => ({ line: e.line, reason: e.reason })),
    c.errors,
    'errors',
  );
  assert.equal(result.total, c.total, 'total');
  assert.equal(result.fatal, c.fatal ?? false, 'fatal');
  // Every data row is either accepted or refused, never both, never lost.
  if (!result.fatal) assert.equal(result.rows.length + result.errors.length, result.total);
}

for (const c of cases) {
  const kind = c.kind ?? 'invite';
  test(`corpus ${c.fixture} as ${kind}`, () => {
    const bytes = readFileSync(join(dir, c.fixture));
    check(c, parseCsv(decodeCsvBytes(bytes), kind));
  });
}

test('corpus through the worker job: a File gives the same result as its text', async () => {
  for (const c of cases) {
    const messages: CsvJobMessage[] = [];
    await runCsvJob(
      { kind: c.kind ?? 'invite', file: await openAsBlob(join(dir, c.fixture)) },
      (m) => messages.push(m),
    );
    const last = messages.at(-1);
    assert.equal(last?.type, 'result', c.fixture);
    if (last?.type === 'result') check(c, unpackResult(last.result));
    assert.ok(
      messages.some((m) => m.type === 'progress' && m.fraction === 1),
      c.fixture,
    );
  }
});

test('a file over 50 MB is refused with one clear error, from its size, before parsing', async (t) => {
  const tmp = mkdtempSync(join(tmpdir(), 'clm-csv-'));
  t.after(() => rmSync(tmp, { recursive: true, force: true }));
  const file = join(tmp, 'huge.csv');
  const line = `someone.with.a.long.name@northwind.example,member\r\n`;
  const body = 'Email,Role\r\n' + line.repeat(Math.ceil(MAX_CSV_BYTES / line.length) + 10);
  writeFileSync(file, body);
  const size = statSync(file).size;
  assert.ok(size > MAX_CSV_BYTES);
  const expected = {
    line: 0,
    reason: `The file is too large (${(size / 1024 / 1024).toFixed(1)} MB): the limit is 50 MB. Nothing was read.`,
    raw: '',
  };

  // The upload path: a File (here backed by the file on disk) is refused without being read.
  const messages: CsvJobMessage[] = [];
  await runCsvJob({ kind: 'invite', file: await openAsBlob(file) }, (m) => messages.push(m));
  const last = messages.at(-1);
  assert.ok(last?.type === 'result');
  assert.deepEqual(unpackResult(last.result), {
    kind: 'invite',
    rows: [],
    errors: [expected],
    total: 0,
    fatal: true,
  });

  // Text already in memory is measured as UTF-8 and refused the same way.
  const result = parseCsv(body, 'invite');
  assert.deepEqual(result.errors, [expected]);
  assert.equal(result.rows.length, 0);
  assert.equal(result.fatal, true);
});

test('a file just under 50 MB is read and parsed in full', async (t) => {
  const tmp = mkdtempSync(join(tmpdir(), 'clm-csv-'));
  t.after(() => rmSync(tmp, { recursive: true, force: true }));
  const file = join(tmp, 'large.csv');
  // Long (valid) addresses keep the row count, and so the test's time, modest.
  const row = (i: number): string => `${'a'.repeat(150)}.${i}${D},guest\r\n`;
  const header = 'Email,Role\r\n';
  const rows: string[] = [];
  let size = header.length;
  for (let i = 0; size + row(i).length <= MAX_CSV_BYTES; i++) {
    rows.push(row(i));
    size += row(i).length;
  }
  writeFileSync(file, header + rows.join(''));
  assert.ok(statSync(file).size > MAX_CSV_BYTES - 200);

  const messages: CsvJobMessage[] = [];
  await runCsvJob({ kind: 'invite', file: await openAsBlob(file) }, (m) => messages.push(m));
  const last = messages.at(-1);
  assert.ok(last?.type === 'result');
  const result = unpackResult(last.result);
  assert.equal(result.fatal, false);
  assert.deepEqual(result.errors, []);
  assert.equal(result.rows.length, rows.length);
  assert.deepEqual(result.rows.at(-1), {
    line: rows.length + 1,
    email: `${'a'.repeat(150)}.${rows.length - 1}${D}`,
    role: 'guest',
  });
  assert.ok(messages.filter((m) => m.type === 'progress').length >= 10);
});
