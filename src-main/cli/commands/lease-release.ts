// `clm lease-release LEASE`: an administrator frees a stuck lease (needs the login token).
import { bridgeCall } from '../../seats/client.ts';
import { leaseArg, serverOf, serverOption, tokenOf, tokenOption } from '../../seats/cli-options.ts';
import type { Command } from '../command.ts';

export const leaseReleaseCommand: Command = {
  name: 'lease-release',
  summary: "Admin: release someone's stuck lease by id (needs the login token)",
  usage: 'lease-release LEASE --token T [--server URL] [--json]',
  options: { server: serverOption, token: tokenOption },
  async run(ctx) {
    const leaseId = leaseArg(ctx);
    const r = await bridgeCall<{ released: boolean }>(
      serverOf(ctx),
      tokenOf(ctx),
      'seats.releaseLease',
      {
        leaseId,
      },
    );
    ctx.print(
      { leaseId, ...r },
      r.released
        ? `Released lease ${leaseId}.`
        : `No lease ${leaseId} was held (already released or expired).`,
    );
    return 0;
  },
};
