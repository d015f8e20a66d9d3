// `clm checkout`: takes a seat of a product from a running license server (for scripts).
import { required, serverOf, serverOption } from '../../seats/cli-options.ts';
import { seatCall } from '../../seats/client.ts';
import type { Command } from '../command.ts';

interface Lease {
  leaseId: string;
  product: string;
  expiresAt: string;
  heartbeatSeconds: number;
}

export const checkoutCommand: Command = {
  name: 'checkout',
  summary: 'Check out a seat: prints the lease id to heartbeat and release',
  usage: 'checkout --product P --user U --host H --client-id C [--server URL] [--json]',
  options: {
    product: { type: 'string', description: 'product code, e.g. vray-3dsmax' },
    user: { type: 'string', description: 'who uses the seat' },
    host: { type: 'string', description: 'the machine the seat is used on' },
    'client-id': {
      type: 'string',
      description: 'a stable id of the client; checking out again returns its own lease',
    },
    server: serverOption,
  },
  async run(ctx) {
    const lease = await seatCall<Lease>(serverOf(ctx), 'checkout', {
      product: required(ctx, 'product'),
      user: required(ctx, 'user'),
      host: required(ctx, 'host'),
      clientId: required(ctx, 'client-id'),
    });
    ctx.print(
      lease,
      `${lease.leaseId}\nLease of ${lease.product} until ${lease.expiresAt}; heartbeat every ${lease.heartbeatSeconds} s.`,
    );
    return 0;
  },
};
