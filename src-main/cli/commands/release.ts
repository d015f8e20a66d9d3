// `clm release LEASE`: gives a seat back (releasing twice is harmless).
import { leaseArg, serverOf, serverOption } from '../../seats/cli-options.ts';
import { seatCall } from '../../seats/client.ts';
import type { Command } from '../command.ts';

export const releaseCommand: Command = {
  name: 'release',
  summary: 'Release a lease: the seat is free again',
  usage: 'release LEASE [--server URL] [--json]',
  options: { server: serverOption },
  async run(ctx) {
    const leaseId = leaseArg(ctx);
    await seatCall(serverOf(ctx), 'release', { leaseId });
    ctx.print({ leaseId, released: true }, `Released ${leaseId}.`);
    return 0;
  },
};
