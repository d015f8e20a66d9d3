// Finds calendar dates written out in seeds, fixtures, tests and benches: each is a day on which
// the story they tell breaks (docs/time.md). Dates there are written relative to the load time.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** An ISO calendar day (1900–2099), alone or at the start of an ISO time. */
const ABSOLUTE_DATE = /(?<![\w-])(?:19|20)\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?!\d)/g;
/** A day written out in words, as screens show it ("10 December YYYY", "Dec 10, YYYY"), also
 *  inside a regular expression ("15 Sept? YYYY"). */
const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\??';
const WORDED_DATE = new RegExp(
  `\\b(?:\\d{1,2} ${MONTH} (?:19|20)\\d{2}|${MONTH} \\d{1,2},? (?:19|20)\\d{2})\\b`,
  'g',
);
/** A year and month ("YYYY-MM"): a month that will pass. */
const YEAR_MONTH = /(?<![\w-])(?:19|20)\d{2}-(?:0[1-9]|1[0-2])(?![\w-]*\d)/g;
const TEXT_FILE = /\.(json|jsonc|ts|tsx|mjs|js|csv|txt|md)$/;

export interface DateHit {
  file: string;
  line: number;
  text: string;
}

/** Every absolute date in `text`, with its line number. */
export function absoluteDates(text: string, file = '<text>'): DateHit[] {
  const hits: DateHit[] = [];
  text.split(/\r?\n/).forEach((lineText, i) => {
    for (const re of [ABSOLUTE_DATE, WORDED_DATE, YEAR_MONTH])
      for (const m of lineText.matchAll(re)) hits.push({ file, line: i + 1, text: m[0] });
  });
  return hits;
}

/** Every absolute date in the text files under `dirs` (relative to `root`). */
export function absoluteDatesUnder(root: string, dirs: string[]): DateHit[] {
  const hits: DateHit[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (TEXT_FILE.test(e.name) && statSync(p).size < 5_000_000)
        hits.push(...absoluteDates(readFileSync(p, 'utf8'), relative(root, p)));
    }
  };
  for (const d of dirs) walk(join(root, d));
  return hits;
}
