// The CSV worker in Chromium, bundled as for production: same results as Node for every corpus file,
// progress events, refusal of a 50 MB+ File by its size, and cancel stopping a parse midway.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsv, decodeCsvBytes, MAX_CSV_BYTES } from '../../src-shared/csv/index.ts';
import { openCsvPage, type CsvBrowser, type Served } from '../../bench/csv/browser.ts';
import { inviteCsv } from '../../bench/csv/generate.ts';

const dir = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/csv');
const fixtures = readdirSync(dir).filter((f) => f.endsWith('.csv'));
let browser: CsvBrowser;

before(async () => {
  const files: Record<string, Served> = {
    '/big.csv': { body: inviteCsv(100_000).text, type: 'text/csv' },
  };
  for (const f of fixtures) files[`/${f}`] = { body: readFileSync(join(dir, f)), type: 'text/csv' };
  browser = await openCsvPage(files);
});
after(() => browser?.close());

test('every corpus file parses in the Chromium worker exactly as in Node', async () => {
  for (const f of fixtures) {
    for (const kind of ['invite', 'removal'] as const) {
      const { result, progress } = await browser.call('parse', `/${f}`, kind);
      assert.deepEqual(result, parseCsv(decodeCsvBytes(readFileSync(join(dir, f))), kind), f);
      assert.equal(progress.at(-1), 1, f);
    }
  }
});

test('a 100,000-row upload reports progress as it goes', async () => {
  const { total, rows, errors, progress } = await browser.call('summarise', '/big.csv', 'invite');
  assert.deepEqual([total, rows, errors], [100_000, 97_000, 3_000]);
  assert.ok(progress.length >= 10, `${progress.length} progress events`);
  assert.deepEqual(
    progress,
    [...progress].sort((a, b) => a - b),
  );
});

test('a File over 50 MB is refused by its size in the browser', async () => {
  const result = await browser.call('parseZeros', MAX_CSV_BYTES + 1, 'invite');
  assert.equal(result.fatal, true);
  assert.deepEqual(result.rows, []);
  assert.match(
    result.errors[0]?.reason ?? '',
    /^The file is too large \(50\.0 MB\): the limit is 50 MB/,
  );
});

test('cancel stops a parse midway: no result arrives', async () => {
  assert.equal(
    await browser.call('cancelAtFirstProgress', '/big.csv', 'invite'),
    'The upload was cancelled',
  );
});

test('useCsvUpload in React: idle → parsing with progress → done; cancel → cancelled', async () => {
  const done = await browser.call('hook', '/big.csv', 'invite', false);
  assert.deepEqual(done.statuses, ['idle', 'parsing', 'done']);
  assert.ok(done.progressRenders >= 1);
  assert.equal(done.rows, 97_000);
  assert.equal(done.error, null);

  const cancelled = await browser.call('hook', '/big.csv', 'invite', true);
  assert.deepEqual(cancelled.statuses, ['idle', 'parsing', 'cancelled']);
  assert.equal(cancelled.rows, null);
});
