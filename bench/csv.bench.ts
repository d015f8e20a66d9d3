// CSV upload speed (docs/requirements.md §13, issue 6): a 100,000-row `Email,Role` file parsed and
// validated, in Node (for context) and in Chromium through the production worker bundle and client,
// timed from choosing the file to the result on the page, counting progress events.
import { parseCsv } from '../src-shared/csv/parse.ts';
import { openCsvPage } from './csv/browser.ts';
import { inviteCsv } from './csv/generate.ts';
import type { TimedRun } from './csv/page.ts';
import { atLeast, atMost, info, median, type Bench } from './lib.ts';

const ROWS = 100_000;
const RUNS = 7;

const bench: Bench = async () => {
  const { text, expectedValid } = inviteCsv(ROWS);

  // (a) Node, for context: the same pure code the worker runs, warmed up.
  parseCsv(text, 'invite');
  const nodeMs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const r = parseCsv(text, 'invite');
    nodeMs.push(performance.now() - t0);
    if (r.rows.length !== expectedValid) throw new Error(`node: ${r.rows.length} valid rows`);
  }

  // (b) Chromium: each run starts a fresh worker, as each upload does.
  const browser = await openCsvPage({ '/invite.csv': { body: text, type: 'text/csv' } });
  try {
    const runs: TimedRun[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await browser.call('time', '/invite.csv', 'invite'));
    for (const r of runs) {
      if (r.rows !== expectedValid) throw new Error(`chromium: ${r.rows} valid rows`);
    }
    return [
      atMost('csv.parse100k.chromium_ms', median(runs.map((r) => r.ms)), 'ms', 500),
      atLeast(
        'csv.parse100k.progress_events',
        Math.min(...runs.map((r) => r.progress)),
        'events',
        5,
      ),
      info('csv.parse100k.chromium_first_ms', runs[0]!.ms, 'ms'),
      info('csv.parse100k.chromium_max_ms', Math.max(...runs.map((r) => r.ms)), 'ms'),
      info('csv.parse100k.node_ms', median(nodeMs), 'ms'),
      info('csv.parse100k.file_mb', Buffer.byteLength(text) / 1024 / 1024, 'MB'),
      info('csv.parse100k.invalid_rows', runs[0]!.errors, 'rows'),
    ];
  } finally {
    await browser.close();
  }
};

export default bench;
