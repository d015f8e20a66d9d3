// `clm status`: per product in use / total and every lease of a running license server.
import type { SeatStatus } from '../../../src-shared/bridge/calls/seats.ts';
import { serverOf, serverOption } from '../../seats/cli-options.ts';
import { seatCall } from '../../seats/client.ts';
import { statusText } from '../../seats/status-text.ts';
import type { Command } from '../command.ts';

export const statusCommand: Command = {
  name: 'status',
  summary: 'Show the license server: per product in use / total and every lease (like lmstat -a)',
  usage: 'status [--server URL] [--json]',
  options: { server: serverOption },
  async run(ctx) {
    const server = serverOf(ctx);
    const status = await seatCall<SeatStatus>(server, 'status');
    ctx.print(status, statusText(status, server, ctx.clock()));
    return 0;
  },
};
