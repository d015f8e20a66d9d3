// `clm heartbeat LEASE`: keeps a lease alive.
import { leaseArg, serverOf, serverOption } from '../../seats/cli-options.ts';
import { seatCall } from '../../seats/client.ts';
import type { Command } from '../command.ts';

export const heartbeatCommand: Command = {
  name: 'heartbeat',
  summary: 'Heartbeat a lease so it does not expire',
  usage: 'heartbeat LEASE [--server URL] [--json]',
  options: { server: serverOption },
  async run(ctx) {
    const r = await seatCall<{ expiresAt: string }>(serverOf(ctx), 'heartbeat', {
      leaseId: leaseArg(ctx),
    });
    ctx.print(r, `Lease extended until ${r.expiresAt}.`);
    return 0;
  },
};
