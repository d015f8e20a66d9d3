// `clm`: command-line entry. Parses the command, its options and --json, runs it.
import { parseArgs } from 'node:util';
import { parseShift, shiftedClock } from '../../src-shared/clock.ts';
import { AppError } from '../../src-shared/errors.ts';
import type { Command, CommandContext } from './command.ts';
import { commands } from './commands/index.ts';

function helpText(): string {
  const w = Math.max(...commands.map((c) => c.name.length), 8);
  return [
    'Chaos License Manager command line',
    '',
    'usage: clm <command> [options] [--json]',
    '',
    'commands:',
    ...commands.map((c) => `  ${c.name.padEnd(w)}  ${c.summary}`),
    '',
    'Every command takes --help and --json. Run `clm <command> --help` for its options.',
  ].join('\n');
}

function commandHelp(c: Command): string {
  const opts = Object.entries(c.options).map(([k, o]) => {
    const flag = `--${k}${o.type === 'string' ? ' VALUE' : ''}`;
    return `  ${flag.padEnd(26)} ${o.description}`;
  });
  return [
    `usage: clm ${c.usage}`,
    '',
    c.summary,
    '',
    'options:',
    ...opts,
    `  ${'--json'.padEnd(26)} print machine-readable JSON`,
    `  ${'--clock-shift SHIFT'.padEnd(26)} run with the clock moved, e.g. +400d, -3h (demos, tests)`,
    `  ${'--help'.padEnd(26)} show this help`,
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    if (argv.includes('--json')) {
      console.log(
        JSON.stringify({ commands: commands.map((c) => ({ name: c.name, summary: c.summary })) }),
      );
    } else console.log(helpText());
    return 0;
  }
  const cmd = commands.find((c) => c.name === name);
  if (!cmd) {
    console.error(`clm: unknown command "${name}"\n\n${helpText()}`);
    return 2;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      options: {
        ...cmd.options,
        json: { type: 'boolean', default: false },
        'clock-shift': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    console.error(`clm ${name}: ${(err as Error).message}\n\n${commandHelp(cmd)}`);
    return 2;
  }
  const json = parsed.values.json === true;
  if (parsed.values.help) {
    if (json)
      console.log(JSON.stringify({ name: cmd.name, usage: cmd.usage, options: cmd.options }));
    else console.log(commandHelp(cmd));
    return 0;
  }
  const shiftText = parsed.values['clock-shift'] ?? process.env.CLM_CLOCK_SHIFT ?? '0';
  const clockShiftMs = parseShift(String(shiftText));
  if (clockShiftMs === null) {
    console.error(
      `clm ${name}: --clock-shift "${String(shiftText)}" is not a shift such as +400d, -3h, +90m or +30s`,
    );
    return 2;
  }
  const ctx: CommandContext = {
    clock: shiftedClock(clockShiftMs),
    clockShiftMs,
    values: parsed.values as CommandContext['values'],
    positionals: parsed.positionals,
    json,
    print(value, text) {
      if (json) console.log(JSON.stringify(value));
      else
        console.log(text ?? (typeof value === 'string' ? value : JSON.stringify(value, null, 2)));
    },
  };
  try {
    return await cmd.run(ctx);
  } catch (err) {
    const e = AppError.from(err);
    if (json) console.log(JSON.stringify({ error: e.code, message: e.message }));
    else console.error(`clm ${name}: ${e.message}`);
    return 1;
  }
}

// Long-running commands (serve, cloud) resolve only when they stop.
// Under an Electron utility process argv is laid out differently, so the launcher passes JSON.
const argv = process.env.CLM_CLI_ARGS
  ? (JSON.parse(process.env.CLM_CLI_ARGS) as string[])
  : process.argv.slice(2);
process.exitCode = await main(argv);
