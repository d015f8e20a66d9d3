// `clm activate`: activates the running license server with an account; it then serves that
// account's seats (the organization administrator's account serves the unassigned seats).
import { readFileSync } from 'node:fs';
import type { SeatServerIdentity } from '../../../src-shared/bridge/calls/seats.ts';
import { AppError } from '../../../src-shared/errors.ts';
import { bridgeCall } from '../../seats/client.ts';
import { required, serverOf, serverOption, tokenOf, tokenOption } from '../../seats/cli-options.ts';
import type { Command } from '../command.ts';

function password(ctx: Parameters<Command['run']>[0]): string {
  if (ctx.values['password-stdin'] === true) {
    const text = readFileSync(0, 'utf8').replace(/\r?\n$/, '');
    if (text) return text;
  }
  const env = process.env.CLM_PASSWORD;
  if (env) return env;
  throw new AppError(
    'bad_request',
    'Give the password on standard input with --password-stdin (or in CLM_PASSWORD).',
  );
}

export const activateCommand: Command = {
  name: 'activate',
  summary: "Activate the running license server with an account: it serves that account's seats",
  usage: 'activate --email E --password-stdin --token T [--server URL] [--json]',
  options: {
    email: { type: 'string', description: 'the account to activate with' },
    'password-stdin': { type: 'boolean', description: 'read the password from standard input' },
    server: serverOption,
    token: tokenOption,
  },
  async run(ctx) {
    const id = await bridgeCall<SeatServerIdentity>(serverOf(ctx), tokenOf(ctx), 'seats.activate', {
      email: required(ctx, 'email'),
      password: password(ctx),
    });
    ctx.print(id, `The license server now serves the seats of ${id.account}.`);
    return 0;
  },
};
