// CSV downloads: formula injection neutralised, quoting, CRLF, BOM; templates parse as uploads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  toCsv,
  neutraliseCell,
  parseCsv,
  templateCsv,
  templateFileName,
  CSV_KINDS,
  expectedHeader,
} from '../../src-shared/csv/index.ts';

test('cells a spreadsheet would run as formulas get a leading quote', () => {
  for (const evil of ['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\t=1', '\r=1']) {
    assert.equal(neutraliseCell(evil), `'${evil}`);
  }
  assert.equal(neutraliseCell('anna@northwind.example'), 'anna@northwind.example');
  assert.equal(neutraliseCell(-5), '-5', 'a number is not a formula');
  assert.equal(neutraliseCell(null), '');
  assert.equal(neutraliseCell(undefined), '');
  assert.equal(neutraliseCell(true), 'true');
});

test('toCsv quotes separators, quotes and line breaks, ends lines with CRLF, adds a BOM on request', () => {
  const csv = toCsv(
    ['Email', 'Reason'],
    [
      ['anna@northwind.example', 'Assigned product(s)'],
      ['ben@northwind.example', 'Borrowed; "twice"\nreally'],
      ['=HYPERLINK("http://evil")', 3.5],
    ],
  );
  assert.equal(
    csv,
    'Email,Reason\r\n' +
      'anna@northwind.example,Assigned product(s)\r\n' +
      'ben@northwind.example,"Borrowed; ""twice""\nreally"\r\n' +
      `"'=HYPERLINK(""http://evil"")",3.5\r\n`,
  );
  assert.ok(toCsv(['Email'], [], { bom: true }).startsWith('\ufeffEmail\r\n'));
  assert.equal(toCsv(['A', 'B'], [['1,5', 'x']], { separator: ';' }), 'A;B\r\n"1,5";x\r\n');
});

test('an exported failed-removals list uploads again as a revoke list', () => {
  const csv = toCsv(
    ['Email', 'Reason'],
    [
      ['anna@northwind.example', 'Assigned product(s)'],
      ['ben@northwind.example', 'Borrowed product(s)'],
    ],
    { bom: true },
  );
  const r = parseCsv(csv, 'revoke');
  assert.deepEqual(
    r.rows.map((x) => x.email),
    ['anna@northwind.example', 'ben@northwind.example'],
  );
  assert.deepEqual(r.errors, []);
});

test('each template is its header, opens in Excel as UTF-8, and uploads as an empty list', () => {
  assert.equal(templateCsv('invite'), '\ufeffEmail,Role\r\n');
  assert.equal(templateCsv('removal'), '\ufeffEmail\r\n');
  for (const kind of CSV_KINDS) {
    assert.equal(templateCsv(kind), `\ufeff${expectedHeader(kind)}\r\n`);
    assert.match(templateFileName(kind), /^[a-z-]+-template\.csv$/);
    const r = parseCsv(templateCsv(kind), kind);
    assert.deepEqual([r.fatal, r.total, r.errors.length], [false, 0, 0], kind);
  }
});
