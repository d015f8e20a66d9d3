// The shape of a `clm` command: its options, help text and what it does.
import type { ParseArgsConfig } from 'node:util';
import type { Clock } from '../../src-shared/clock.ts';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>[string] & { description: string };

export interface CommandContext {
  /** Parsed option values (strings, booleans, or arrays for `multiple`). */
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
  json: boolean;
  /** The one clock of this run: the system's, moved by `--clock-shift` (docs/time.md). */
  clock: Clock;
  /** How far `clock` is moved from the system's, in ms (passed on to processes it starts). */
  clockShiftMs: number;
  /** Prints a result: JSON with --json, otherwise the text form. */
  print(value: unknown, text?: string): void;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  options: Record<string, OptionSpec>;
  /** Resolves to the process exit code; long-running commands resolve when they stop. */
  run(ctx: CommandContext): Promise<number>;
}

export const dataOption: OptionSpec = {
  type: 'string',
  description: "the app's data folder (default: the desktop app's folder)",
};
