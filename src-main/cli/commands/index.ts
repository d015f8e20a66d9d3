// Every `clm` command, in the order `clm --help` lists them.
import type { Command } from '../command.ts';
import { cloudCommand } from './cloud.ts';
import { serveCommand } from './serve.ts';

export const commands: Command[] = [serveCommand, cloudCommand];
