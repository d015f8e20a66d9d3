// Parsing details beyond the corpus: chunk boundaries, progress, separators, encodings, emails.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  parseCsv,
  decodeCsvBytes,
  isValidEmail,
  MAX_CSV_BYTES,
} from '../../src-shared/csv/index.ts';

const D = '@northwind.example';

test('line numbers stay exact across chunk boundaries with quoted line breaks everywhere', () => {
  // ~1 MB so papaparse cuts it into ~20 chunks; every 7th row has a quoted field spanning 3 lines.
  const lines = ['Email,Role'];
  const expected: { line: number; email: string }[] = [];
  let line = 2;
  for (let i = 0; i < 20_000; i++) {
    const email = `user${i}${D}`;
    if (i % 7 === 0) {
      lines.push(`"${email}",member`);
      lines.push(`x${i}@,"gu\r\nest\nx"`); // one row, three physical lines, refused
      expected.push({ line, email });
      line += 4;
    } else {
      lines.push(`${email},guest`);
      expected.push({ line, email });
      line += 1;
    }
  }
  const text = lines.join('\r\n') + '\r\n';
  const progress: number[] = [];
  const result = parseCsv(text, 'invite', { onProgress: (f) => progress.push(f) });
  assert.deepEqual(
    result.rows.map((r) => ({ line: r.line, email: r.email })),
    expected,
  );
  assert.equal(result.errors.length, Math.ceil(20_000 / 7));
  // Row i=7 starts on line 12 (rows 0..6 took lines 2..11); its refused partner is on line 13.
  assert.equal(result.errors[1]?.line, 13);
  assert.ok(progress.length >= 10, `progress events: ${progress.length}`);
  assert.deepEqual(
    progress,
    [...progress].sort((a, b) => a - b),
    'progress only grows',
  );
  assert.equal(progress.at(-1), 1);
});

test('a quoted field that spans a chunk boundary is one row', () => {
  const long = 'a'.repeat(40_000); // longer than a chunk
  const text = `Email,Role\n"${long}\n${long}",member\nok${D},guest\n`;
  const r = parseCsv(text, 'invite');
  assert.equal(r.errors.length, 1);
  assert.equal(r.errors[0]?.line, 2);
  assert.deepEqual(r.rows, [{ line: 4, email: `ok${D}`, role: 'guest' }]);
});

test('separator comes from the header; a one-column file falls back to the data', () => {
  assert.equal(parseCsv(`Email;Role\nanna${D};member\n`, 'invite').rows.length, 1);
  assert.equal(parseCsv(`"Email","Role"\n"anna${D}","member"\n`, 'invite').rows.length, 1);
  const semicolons = parseCsv(`Email\nanna${D};x\nben${D};y\n`, 'removal');
  assert.equal(semicolons.errors[0]?.reason, 'Too many columns: expected 1 (Email), found 2');
});

test('columns may come in any order, other columns are ignored, a lone CR ends lines too', () => {
  const r = parseCsv(`Name,ROLE,e-mail\rAnna,Guest,Anna${D}\rBen,member,ben${D}\r`, 'invite');
  assert.deepEqual(r.rows, [
    { line: 2, email: `anna${D}`, role: 'guest' },
    { line: 3, email: `ben${D}`, role: 'member' },
  ]);
});

test('an empty file, a header-only file and a blank file', () => {
  const empty = parseCsv('', 'invite');
  assert.equal(empty.fatal, true);
  assert.deepEqual(empty.errors, [
    {
      line: 0,
      reason: 'The file is empty: the first line must be the header "Email,Role"',
      raw: '',
    },
  ]);
  assert.equal(parseCsv('\ufeff\r\n  \r\n', 'removal').fatal, true);
  const headerOnly = parseCsv('Email,Role\r\n', 'invite');
  assert.deepEqual([headerOnly.fatal, headerOnly.total, headerOnly.rows.length], [false, 0, 0]);
});

test('an unclosed quote in the header refuses the file', () => {
  const r = parseCsv(`"Email,Role\nanna${D},member\n`, 'invite');
  assert.equal(r.fatal, true);
  assert.equal(r.errors[0]?.reason, 'Unclosed quote: this row runs on to the end of the file');
});

test('encodings: UTF-8 with BOM, UTF-16 LE/BE with BOM, Excel ANSI (Windows-1252)', () => {
  const text = `Email,Role\r\nrené.müller${D},guest\r\n`;
  const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  const utf16be = Buffer.from(utf16le);
  utf16be.swap16();
  const ansi = Buffer.from(text, 'latin1');
  const bom8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
  for (const bytes of [bom8, utf16le, utf16be, ansi]) {
    const r = parseCsv(decodeCsvBytes(bytes), 'invite');
    assert.deepEqual(r.rows, [{ line: 2, email: `rené.müller${D}`, role: 'guest' }]);
  }
});

test('the size limit counts UTF-8 bytes, not characters', () => {
  // 18M characters of 3-byte text: 54 MB in UTF-8, though far fewer than 50M characters.
  const text = 'Email\n' + '€'.repeat(18 * 1024 * 1024);
  const r = parseCsv(text, 'removal');
  assert.equal(r.fatal, true);
  assert.match(
    r.errors[0]?.reason ?? '',
    /^The file is too large \(54\.0 MB\): the limit is 50 MB/,
  );
  // The caller's byte count (a File's size) wins over measuring.
  assert.equal(parseCsv('Email\n', 'removal', { byteLength: MAX_CSV_BYTES + 1 }).fatal, true);
  assert.equal(parseCsv('Email\n', 'removal', { byteLength: MAX_CSV_BYTES }).fatal, false);
});

test('email check: sane addresses pass, obvious mistakes fail', () => {
  const good = [
    `anna${D}`,
    "o'neil+tag@sub.northwind.co.uk",
    'a_b-c.d@x-y.io',
    'rené@exämple.de',
    'UPPER@CASE.COM',
  ];
  const bad = [
    'anna',
    'anna@',
    '@northwind.example',
    'anna@northwind',
    'anna@@northwind.example',
    'an na@northwind.example',
    '.anna@northwind.example',
    'anna.@northwind.example',
    'an..na@northwind.example',
    'anna@-northwind.example',
    'anna@northwind-.example',
    'anna@northwind..example',
    'anna@northwind.e',
    '<anna@northwind.example>',
    `${'a'.repeat(250)}@x.io`,
  ];
  for (const e of good) assert.equal(isValidEmail(e), true, e);
  for (const e of bad) assert.equal(isValidEmail(e), false, e);
});

test('duplicates are found among 50,000 addresses, each naming the line it repeats', () => {
  const n = 50_000;
  const lines = ['Email'];
  for (let i = 0; i < n; i++) lines.push(`u${i}${D}`);
  for (let i = n - 1; i >= 0; i -= 997) lines.push(`U${i}${D.toUpperCase()}`);
  const r = parseCsv(lines.join('\n'), 'removal');
  assert.equal(r.rows.length, n);
  const dups = r.errors.map((e) => e.reason);
  assert.equal(dups.length, Math.ceil(n / 997));
  assert.equal(dups[0], `Duplicate email "U${n - 1}${D.toUpperCase()}": already on line ${n + 1}`);
  assert.equal(
    dups.at(-1),
    `Duplicate email "U${(n - 1) % 997}${D.toUpperCase()}": already on line ${((n - 1) % 997) + 2}`,
  );
});
