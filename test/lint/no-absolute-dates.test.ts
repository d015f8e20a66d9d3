// Issue 11: no seed, fixture, test or bench depends on today's date. Dates are written relative
// to the load time ("+14d", "-3d@08:30"; docs/seed-format.md); a written-out day fails here.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { isRelativeDate } from '../../src-shared/relative-date.ts';
import { absoluteDates, absoluteDatesUnder } from '../support/absolute-dates.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

test('no absolute calendar date in resources/, test/ or bench/', () => {
  const hits = absoluteDatesUnder(root, ['resources', 'test', 'bench']).map(
    (h) => `${h.file}:${h.line} ${h.text}`,
  );
  assert.deepEqual(hits, [], 'write these relative to the load time (docs/seed-format.md)');
});

test('the scan finds a date that is added, in JSON, code, ISO times and words alike', () => {
  // Put together here so that this file itself holds no date.
  const day = (y: string, md: string) => `${y}-${md}`;
  const text = [
    `{ "until": "${day('2026', '12-02')}T08:30:00Z" }`,
    `const at = '${day('2031', '01-15')}';`,
    'INV-2026-005877 pur_nw_vray3dsmax_2027_03',
    `await lots.getByText('10 December ${'2026'}')`,
  ].join('\n');
  assert.deepEqual(
    absoluteDates(text).map((h) => [h.line, h.text]),
    [
      [1, day('2026', '12-02')],
      [2, day('2031', '01-15')],
      [4, `10 December ${'2026'}`],
    ],
  );
});

test('every date of the demo seed and the org fixture is relative to the load time', () => {
  for (const file of ['resources/demo-seed.json', 'test/org/fixtures/org-seed.json']) {
    const dates: string[] = [];
    const walk = (v: unknown, key = ''): void => {
      if (Array.isArray(v)) v.forEach((x) => walk(x, key));
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
      else if (typeof v === 'string' && /(At|until)$/.test(key)) dates.push(v);
    };
    walk(JSON.parse(readFileSync(join(root, file), 'utf8')));
    assert.ok(dates.length > 10, `${file} has dates`);
    assert.deepEqual(
      dates.filter((d) => !isRelativeDate(d)),
      [],
      `${file}: dates not relative to the load time`,
    );
  }
});
