// `clm report --from --to [--csv]` and `clm report verify`: the license server's usage log,
// read from its data folder (the log is a file; no server needs to run).
import { resolve } from 'node:path';
import { defaultDataDir } from '../../paths.ts';
import {
  parseWhen,
  recordsBetween,
  reportCsv,
  reportText,
  storedHead,
  verifyUsage,
} from '../../seats/report.ts';
import { dataOption, type Command } from '../command.ts';

const DAY = 86_400_000;

export const reportCommand: Command = {
  name: 'report',
  summary:
    "The license server's usage log: records in a range (text or CSV), or `verify` its hash chain",
  usage:
    'report [--from WHEN] [--to WHEN] [--csv] [--data DIR] [--json]\n       clm report verify [--data DIR] [--json]',
  options: {
    data: dataOption,
    from: { type: 'string', description: 'first time to include (default: 24 hours ago)' },
    to: { type: 'string', description: 'last time to include (default: now)' },
    csv: { type: 'boolean', description: 'print CSV (for a spreadsheet) instead of text' },
  },
  async run(ctx) {
    const v = ctx.values;
    const dataDir = resolve(typeof v.data === 'string' && v.data ? v.data : defaultDataDir());
    if (ctx.positionals[0] === 'verify') {
      const result = verifyUsage(dataDir, storedHead(dataDir));
      ctx.print(
        result,
        result.ok
          ? `The usage log holds: ${result.records} records, none edited, removed or reordered.`
          : [
              `The usage log was tampered with (${result.records} records):`,
              ...result.problems.map((p) => `  ${p}`),
            ].join('\n'),
      );
      return result.ok ? 0 : 1;
    }
    const now = ctx.clock();
    const from = parseWhen('from', typeof v.from === 'string' ? v.from : undefined, now - DAY);
    const to = parseWhen('to', typeof v.to === 'string' ? v.to : undefined, now);
    const records = recordsBetween(dataDir, from, to);
    if (v.csv === true) process.stdout.write(reportCsv(records));
    else ctx.print(records, reportText(records));
    return 0;
  },
};
