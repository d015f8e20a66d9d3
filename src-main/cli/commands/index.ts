// Every `clm` command, in the order `clm --help` lists them.
import type { Command } from '../command.ts';
import { cloudCommand } from './cloud.ts';

export const commands: Command[] = [cloudCommand];
