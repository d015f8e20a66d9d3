// Every `clm` command, in the order `clm --help` lists them.
import type { Command } from '../command.ts';

export const commands: Command[] = [];
