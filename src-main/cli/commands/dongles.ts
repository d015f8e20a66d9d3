// `clm dongles`: the USB dongles attached to this machine and why one was refused;
// `clm dongles emulate FILE…`: the license server with software dongles, for demos.
import { resolve } from 'node:path';
import { dongleListText } from '../../dongles/list-text.ts';
import { emulatedDongles, listDonglesOnce } from '../../dongles/cli-options.ts';
import type { Command } from '../command.ts';
import { runServe, serveCommand } from './serve.ts';

export const donglesCommand: Command = {
  name: 'dongles',
  summary:
    'List the USB license dongles (serial, state, seats, why refused); `emulate FILE` serves with software dongles',
  usage: 'dongles [--json]\n       clm dongles emulate FILE [FILE…] [serve options] [--json]',
  // `emulate` runs `clm serve`, so it takes serve's options.
  options: serveCommand.options,
  async run(ctx) {
    const [sub, ...files] = ctx.positionals;
    if (sub === 'emulate') {
      const { options, serials } = emulatedDongles(
        files.map((f) => resolve(f)),
        ctx.clock,
      );
      console.error(
        `Emulating USB dongle${serials.length > 1 ? 's' : ''} ${serials.join(', ')} (trusting the demo vendor key).`,
      );
      return runServe(ctx, options);
    }
    if (sub !== undefined) {
      console.error(
        `clm dongles: unknown subcommand "${sub}"; use \`clm dongles\` or \`clm dongles emulate FILE\``,
      );
      return 2;
    }
    const list = await listDonglesOnce(ctx.clock);
    ctx.print(list, dongleListText(list));
    return 0;
  },
};
